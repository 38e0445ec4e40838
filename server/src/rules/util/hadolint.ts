// hadolint's rule pages live on its GitHub wiki, one page per code.
export function hadolintWiki(code: string): string {
  return `https://github.com/hadolint/hadolint/wiki/${code}`;
}
