/** Toolbar icons as inline SVG: headless and minimal systems lack the fonts for ⏭ and friends. */
const PATHS = {
  play: "M4 2.5v11l9-5.5z",
  pause: "M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z",
  step: "M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z",
  stop: "M3 3h10v10H3z",
  sun: "M8 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM7.3 0h1.4v2.6H7.3zM7.3 13.4h1.4V16H7.3zM0 7.3h2.6v1.4H0zM13.4 7.3H16v1.4h-2.6zM2.1 3.1l1-1 1.8 1.8-1 1zM11.1 12.1l1-1 1.8 1.8-1 1zM2.1 12.9l1.8-1.8 1 1-1.8 1.8zM11.1 3.9l1.8-1.8 1 1-1.8 1.8z",
  moon: "M10.5 1.5A6.5 6.5 0 1 0 14.5 11 5.5 5.5 0 0 1 10.5 1.5z",
  replay: "M8 2.5a5.5 5.5 0 1 1-5.2 7.3l1.4-.5A4 4 0 1 0 5.2 5.2L7 7H2V2l2.1 2.1A5.5 5.5 0 0 1 8 2.5z",
  check: "M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1 1.1 1.1z",
  cross: "M4.1 3 8 6.9 11.9 3 13 4.1 9.1 8l3.9 3.9-1.1 1.1L8 9.1 4.1 13 3 11.9 6.9 8 3 4.1z",
  pending: "M8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3zm0 1.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z",
  chevronDown: "M3.5 6 8 10.5 12.5 6l-1-1L8 8.5 4.5 5z",
  chevronUp: "M3.5 10 8 5.5l4.5 4.5-1 1L8 7.5 4.5 11z",
  external: "M9 2h5v5h-1.5V4.6L7.6 9.5 6.5 8.4l4.9-4.9H9zM3 4h4v1.5H4.5v6h6V9H12v4H3z",
  download: "M7.25 1.5h1.5v6.7l2.4-2.4 1.06 1.06L8 11.06 3.79 6.86 4.85 5.8l2.4 2.4zM2.5 12.5h11V14h-11z",
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="ico" viewBox="0 0 16 16" aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
