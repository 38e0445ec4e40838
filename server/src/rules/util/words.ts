// Docker keeps quotes in the words of ADD, COPY, WORKDIR, USER, EXPOSE...; it removes them (and
// the escape character) only when it processes the word. Rules that compare values do the same.
export function dockerWordValue(raw: string, escape = '\\'): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === escape && i + 1 < raw.length && (raw[i + 1] === '"' || raw[i + 1] === escape || raw[i + 1] === '$')) out += raw[++i];
      else out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === escape && i + 1 < raw.length) {
      out += raw[++i];
    } else {
      out += c;
    }
  }
  return out;
}
