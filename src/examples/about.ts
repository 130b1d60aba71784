/**
 * The "About" page, as data for the UI to render: sections of plain paragraphs. Inline code is
 * written between backticks (`like this`); the UI may show it in monospace or leave it as is.
 * It says how the playground maps to the BEAM (Elixir first: the lessons open in Elixir), how
 * to take a lesson to real `iex -S mix`, where it deliberately differs (README.md, SPEC §4),
 * and, for the TypeScript twins, why `await` stands where Erlang writes `receive`.
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
        "The one lesson here: a module is code, a process is a running thing. Loading new code does not touch a process's state. `recompile()` keeps the state; a release-style upgrade migrates it with `code_change/3`; purging old code (`:code.purge/1`) kills the processes still running it.",
      ],
    },
    {
      heading: "How it maps to the BEAM",
      paragraphs: [
        "The code is Elixir: `.ex` files holding `defmodule`s, compiled in your browser (nothing is sent anywhere) to JavaScript that runs on an engine built like the BEAM's process scheduler and code server, under virtual time. `Counter.tick()` and `__MODULE__.loop()` are remote calls and always run the current version of the module; a plain `loop()` is a local call and stays in the version that is running. `@vsn \"2\"` sets the version that `code_change/3` receives as `old_vsn`.",
        "`GenServer`, `Supervisor`, `DynamicSupervisor`, `Task`, `Agent`, `Process`, `:sys`, `:code` and `Logger` behave as in Elixir 1.14 on OTP 25: the same callbacks, return tuples, exit reasons, links, monitors and `trap_exit`. Terms print as `inspect/1` prints them. Every lesson and a set of scenarios were also run on the real BEAM, and a test checks that the playground prints the same lines at the same times.",
        "The buttons are the IEx and release tools: Run is `iex -S mix` followed by `Main.start()`; Recompile is IEx `recompile()` (Ctrl/Cmd+S); Upgrade is a release upgrade (`:sys.suspend/1`, load the new code, `:sys.change_code/4`, which calls `code_change/3`, then `:sys.resume/1`); Restart stops everything and starts again. The console is IEx: bindings persist from line to line, and `recompile()`, `r(Mod)`, `flush()`, `v()` and `pid(\"0.102.0\")` work.",
        "Only a subset of Elixir compiles here: what processes and hot code loading need, and what a learner writes around them (pattern matching, guards, `case`/`cond`/`with`/`receive`, `try`/`rescue`/`catch`, comprehensions, structs, the common functions of `Enum`, `Map`, `List`, `String`…). Anything outside it, such as `defmacro`, is a compile error that names it.",
      ],
    },
    {
      heading: "Take a lesson to real Elixir",
      paragraphs: [
        "\"Mix project\" in the toolbar downloads the Elixir files as a small Mix project: `mix.exs`, `lib/`, the files as the lesson's script changes them under `steps/`, and a README listing the script's steps as the IEx lines to type at their times (`File.cp!` the next version into `lib/`, then `recompile()`). Unzip it, `cd` into it, run `iex -S mix`, and you see what the playground showed, with the real BEAM's own pid numbers.",
      ],
    },
    {
      heading: "The TypeScript twins",
      paragraphs: [
        "Every lesson also exists in a TypeScript dialect of the same engine, telling the same story: the switch at the top of the Lesson tab opens it, and so does its short link, `#example/<id>/ts`. One file is one module there (`App.Worker.ts` is `App.Worker`); its exports are its public functions; `export const vsn = \"2\"` is `@vsn`.",
        "`import * as W from \"App.Worker\"` then `W.f()` is a remote call, like `App.Worker.f()` in Elixir; a plain call to a function in the same file is a local call. `return Me.loop(n)` (a module importing itself) is Erlang's `?MODULE:loop(N)`. Atoms are strings, tuples are arrays whose first element is an atom (`[\"ok\", state]` is `{:ok, state}`), maps are plain objects.",
      ],
    },
    {
      heading: "await stands for receive",
      paragraphs: [
        "In the TypeScript twins: on the BEAM a process simply blocks in `receive` until a message arrives, and thousands of others run meanwhile. JavaScript cannot block, so there code that waits is `async` and `await`s: `await receive()`, `await Process.sleep(100)`, `await GenServer.call(pid, req)`. Read every `await` as \"this process waits here\". Elixir code needs none of this: `receive`, `Process.sleep/1` and `GenServer.call/3` block as they do on the BEAM.",
        "`receive(match)` takes the oldest message for which `match` is true and leaves the others in order, like a `receive` with patterns; `receive(match, ms)` gives `TIMEOUT` after `ms`, like `after`.",
        "Behind the scenes the engine turns each `async` function (and each Elixir function that may wait) into a generator and drives every process itself, one step at a time. So `self()` is always the right process, and a killed process is simply never resumed.",
        "A receive loop runs in constant memory written either way: `while (true) { const m = await receive(); … }`, or as Erlang writes it, `return loop(n + 1)`, since a returned call is a tail call here. Write `return Me.loop(n + 1)` to move to new code at each turn.",
      ],
    },
    {
      heading: "Messages on the timeline",
      paragraphs: [
        "Tick \"messages\" above the timeline to see every message as an arrow from sender to receiver, at the moment it was sent, like a trace of sends (`:erlang.trace(pid, true, [:send])`, or `:sys.trace/2` for a GenServer). A `GenServer.call/3` is two messages, the request `{:\"$gen_call\", from, request}` and the reply `{ref, reply}`.",
        "The `{:EXIT, pid, reason}` message of a process that traps exits, and the `{:DOWN, ref, :process, pid, reason}` message of a monitor, are made by the runtime from an exit signal; they are drawn from the process whose exit sent that signal. A short dashed arrow from above is a message no process sent: a `Process.send_after/3` timer's. An arrow ending in a red cross reached no mailbox: it went to a process that had ended, or it was a reply to a call that had already given up (OTP drops those too, since each call waits on an alias that is closed when it times out).",
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
        "All processes share one JavaScript thread, and nothing preempts a busy one: a process that runs 10 million steps (loop turns and calls) without waiting is killed as a runaway, where the BEAM would have kept it running and still served the others.",
        "A restart is instantaneous in virtual time; on a real node, starting again takes as long as Mix takes to compile and boot.",
        "In the TypeScript twins: an `async` function that is called but never awaited does not run (`await` it, or `spawn` it); a module-level `let` is one variable shared by every process running that version (the BEAM has no mutable module state: keep state in processes, as Elixir does); objects print with their keys in insertion order, where Elixir prints map keys sorted.",
      ],
    },
  ],
};
