/** `Content-Disposition` of a download: `filename` for old clients (accents dropped), `filename*` with the real name. */
export const attachmentDisposition = (fileName: string) => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};
