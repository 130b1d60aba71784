defmodule Main do
  def start do
    {:ok, pid} = GenServer.start(Store, 5, name: :store)
    pid
  end

  # :sys.change_code, with a crash's stacktrace replaced by :stack (it names the BEAM's frames).
  def change(extra) do
    case :sys.change_code(:store, Store, "1", extra) do
      {:error, {:EXIT, {e, [_ | _]}}} -> {:error, {:EXIT, {e, :stack}}}
      other -> other
    end
  end
end
