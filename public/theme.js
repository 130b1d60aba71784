// Runs before the first paint (a plain script in <head>): sets the page's theme, so a light-theme
// visitor never sees a dark flash. Same order as the app (boot.ts): ?theme=, the saved choice,
// the system's preference.
(function () {
  try {
    var asked = new URLSearchParams(location.search).get("theme");
    var theme = asked === "light" || asked === "dark" ? asked : localStorage.getItem("hotswap.theme");
    if (theme !== "light" && theme !== "dark") theme = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
    document.documentElement.dataset.theme = theme;
  } catch (e) {
    /* storage disabled: the default theme stays */
  }
})();
