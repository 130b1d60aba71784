/** The module atom the shell's code runs as (`__MODULE__` is nil in IEx; this names frames). */
export const SHELL_MODULE = "Elixir.IEx";
