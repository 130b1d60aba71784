/**
 * The Share action: the current files, main and script as a `#v1/` link (SPEC §6), copied to the
 * clipboard when the browser allows; the link is always shown too, selectable, as a fallback.
 */
import { encodeSharePayload } from "../../share/shareUrl";
import { appStore, currentSnippet, notify } from "../store/appStore";

export async function share(): Promise<string | null> {
  try {
    const payload = await encodeSharePayload(currentSnippet());
    const url = `${location.origin}${location.pathname}#v1/${payload}`;
    appStore.setState({ shareUrl: url });
    try {
      await navigator.clipboard.writeText(url);
      notify("info", "Link copied to the clipboard.");
    } catch {
      /* no clipboard permission: the dialog shows the link to copy by hand */
    }
    return url;
  } catch (err) {
    notify("error", `Could not make a share link: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
