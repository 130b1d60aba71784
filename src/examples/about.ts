/**
 * The "About" page, as data for the UI to render: sections of plain paragraphs. Inline code is
 * written between backticks (`like this`); the UI may show it in monospace or leave it as is.
 * It says how the playground maps to the BEAM, where it deliberately differs (README.md,
 * SPEC §4), and why `await` stands where Erlang writes `receive`.
 */

export type AboutSection = { heading: string; paragraphs: string[] };
export type AboutPage = { title: string; sections: AboutSection[] };

export const about: AboutPage = {
  title: "About this playground",
  sections: [
    {
      heading: "What it shows",
      paragraphs: [
        "Erlang and Elixir run on the BEAM, a virtual machine built around processes: tiny, isolated programs that share nothing and talk only by sending messages. The BEAM can also load new code into a running system without stopping it.",
        "The one lesson here: a module is code, a process is a running thing. Loading new code does not touch a process's state. Recompile keeps the state; a release-style upgrade migrates it with `code_change`; purging old code kills the processes still running it.",
      ],
    },
    {
      heading: "How it maps to the BEAM",
      paragraphs: [
        "One file is one module: `App.Worker.ts` is the module `App.Worker`. Its exported functions are its public functions; the rest are private. `export const vsn = \"2\"` is Erlang's `@vsn`.",
        "`import * as W from \"App.Worker\"` then `W.f()` is a remote call, like `App.Worker.f()` in Elixir: it always runs the current version. A plain call to a function in the same file is a local call and stays in the version that is running. `return Me.loop(n)` (a module importing itself) is Erlang's `?MODULE:loop(N)`.",
        "Terms: atoms are strings, tuples are arrays whose first element is an atom (`[\"ok\", state]` is `{:ok, state}`), maps are plain objects. Messages are copied when sent, so two processes never share a mutable object.",
        "`GenServer`, `Supervisor`, `DynamicSupervisor`, `sys`, `Process` and `Code` follow their Elixir and Erlang namesakes, with the same callbacks and return tuples, in snake_case on purpose. Links, monitors, `trap_exit` and exit reasons behave as on the BEAM; a set of scenarios run on real Erlang/OTP 25 and Elixir 1.14 checks this line for line.",
        "The buttons are the IEx and release tools: Run is `iex -S mix` followed by `Main.start()`; Recompile is IEx `recompile()`; Upgrade is a release upgrade (`:sys.suspend`, load, `:sys.change_code`, `:sys.resume`); Restart stops everything and starts again; the console is the IEx prompt, running in a shell process of its own.",
      ],
    },
    {
      heading: "await stands for receive",
      paragraphs: [
        "On the BEAM a process simply blocks in `receive` until a message arrives, and thousands of others run meanwhile. JavaScript cannot block, so here code that waits is `async` and `await`s: `await receive()`, `await Process.sleep(100)`, `await GenServer.call(pid, req)`. Read every `await` as \"this process waits here\".",
        "`receive(match)` takes the oldest message for which `match` is true and leaves the others in order, like a `receive` with patterns; `receive(match, ms)` gives `TIMEOUT` after `ms`, like `after`.",
        "Behind the scenes the engine turns each `async` function into a generator and drives every process itself, one step at a time. So `self()` is always the right process, and a killed process is simply never resumed.",
        "A receive loop runs in constant memory written either way: `while (true) { const m = await receive(); … }`, or as Erlang writes it, `return loop(n + 1)`, since a returned call is a tail call here. Write `return Me.loop(n + 1)` to move to new code at each turn.",
      ],
    },
    {
      heading: "Messages on the timeline",
      paragraphs: [
        "Tick \"messages\" above the timeline to see every message as an arrow from sender to receiver, at the moment it was sent, like a trace of sends (`:erlang.trace(pid, true, [:send])`, or `:sys.trace` for a GenServer). A `GenServer.call` is two messages, the request and the reply; the engine writes them `[\"$gen_call\", from, request]` and `[\"$reply\", ref, reply]`, where OTP sends `{:\"$gen_call\", from, request}` and `{ref, reply}`.",
        "The EXIT message of a process that traps exits, and the DOWN message of a monitor, are made by the runtime from an exit signal; they are drawn from the process whose exit sent that signal. A short dashed arrow from above is a message no process sent: a `Process.send_after` timer's. An arrow ending in a red cross reached no mailbox: it went to a process that had ended, or it was a reply to a call that had already given up (OTP drops those too, since each call waits on an alias that is closed when it times out).",
      ],
    },
    {
      heading: "Time",
      paragraphs: [
        "Time is virtual. In the browser it follows the wall clock times the speed you pick, and can be paused and stepped; the command line and the tests jump from event to event. The same snippet gives the same events in the same order every time, pids included.",
      ],
    },
    {
      heading: "Where it deliberately differs",
      paragraphs: [
        "A recompile with a compile error loads nothing and leaves the running system untouched. In IEx, Mix unloads a changed module before compiling it, so a compile error leaves that module unloaded and its GenServers find their callbacks undefined.",
        "A supervisor's restart window (`max_restarts` in `max_seconds`) slides in exact milliseconds. OTP counts whole seconds, which makes its edge depend on where the clock's second happens to fall.",
        "An `async` function that is called but never awaited does not run. In process code, `await` it, or `spawn` it if it should run on its own.",
        "All processes share one JavaScript thread, and nothing preempts a busy one: a process that runs 10 million steps (loop turns and calls) without waiting is killed as a runaway (reason `[\"killed\", \"runaway: ran 10 million steps without waiting\"]`), where the BEAM would have kept it running and still served the others.",
        "A module-level `let` is plain JavaScript: every process running that version of the module sees the same variable, and a new version starts with fresh values. The BEAM has no mutable module state; keep state in processes, as Elixir does.",
        "Objects print with their keys in insertion order; Elixir prints map keys sorted.",
      ],
    },
  ],
};
