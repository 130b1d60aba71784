/** The About page (src/examples/about.ts): how the playground maps to the BEAM and where it differs. Esc or × closes it. */
import { useEffect, useRef } from "react";
import { about } from "../../examples/about";
import { appStore, useApp } from "../store/appStore";
import { RichText } from "./richText";

export function AboutDialog() {
  const open = useApp((s) => s.aboutOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") appStore.setState({ aboutOpen: false });
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && appStore.setState({ aboutOpen: false })}>
      <article className="about" role="dialog" aria-modal="true" aria-labelledby="about-title" data-testid="about">
        <header className="about-head">
          <h1 id="about-title">{about.title}</h1>
          <button ref={close} className="ghost small" aria-label="Close" data-testid="about-close" onClick={() => appStore.setState({ aboutOpen: false })}>×</button>
        </header>
        <div className="about-body">
          {about.sections.map((section) => (
            <section key={section.heading}>
              <h2>{section.heading}</h2>
              {section.paragraphs.map((p, i) => <p key={i}><RichText text={p} /></p>)}
            </section>
          ))}
        </div>
      </article>
    </div>
  );
}
