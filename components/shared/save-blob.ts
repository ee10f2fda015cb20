// Saves a downloaded file (an attachment fetched with the bearer token, which a plain link cannot send) under its
// name: a temporary object URL on a `download` link inside the screen's own root, clicked once.
const REVOKE_AFTER_MS = 60_000;

export function saveBlob(blob: Blob, filename: string, root: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the save in some browsers; the URL only holds memory until then.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
