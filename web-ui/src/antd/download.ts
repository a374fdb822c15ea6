/** Hands a downloaded file to the browser to save, under `fileName`. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // after the browser has started the download
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
