// Realistic generated Dockerfiles for the benchmark and the fuzz/perf tests: stages with ARG/ENV,
// long continued RUN chains, COPY --from, cache mounts and heredocs, repeated to any length.
import type { Position } from 'vscode-languageserver-types';

export interface GeneratedDockerfile {
  text: string;
  lines: number;
  /** A single-line RUN in the middle, safe to append to. */
  editLine: number;
  hoverKeyword: Position;
  hoverVariable: Position;
  completionLineStart: Position;
  completionVariable: Position;
  stageReference: Position;
  lineLength(line: number): number;
  /** Records that `n` characters were appended to `line` (edits keep positions valid). */
  extend(line: number, n: number): void;
  reset(): void;
}

/** `salt` (letters and digits) goes into every name, so a salted file shares no instruction text with another. */
function stage(i: number, salt: string): string[] {
  const name = `stage${salt}${i}`;
  const prev = i > 0 ? `stage${salt}${i - 1}` : null;
  return [
    `FROM debian:bookworm-slim AS ${name}`,
    `ARG APP_VERSION_${salt}${i}=1.${i}.0`,
    `ENV APP_HOME_${salt}${i}=/opt/app${salt}${i} \\`,
    `    PATH=/opt/app${salt}${i}/bin:$PATH`,
    `WORKDIR $APP_HOME_${salt}${i}`,
    `RUN set -eux; \\`,
    `    apt-get update; \\`,
    `    apt-get install -y --no-install-recommends \\`,
    `        ca-certificates=20230311 \\`,
    `        curl=7.88.1-10+deb12u5 \\`,
    `        git=1:2.39.2-1.1 \\`,
    `        tini=0.19.0-1; \\`,
    `    if [ -n "$APP_VERSION_${salt}${i}" ]; then \\`,
    `        echo "building $APP_VERSION_${salt}${i}" > /tmp/version; \\`,
    `    fi; \\`,
    `    rm -rf /var/lib/apt/lists/*`,
    `RUN --mount=type=cache,target=/root/.cache/pip${salt},sharing=locked \\`,
    `    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\`,
    `    pip install --no-cache-dir -r /tmp/requirements.txt`,
    `COPY --chown=1000:1000 --chmod=755 scripts${salt}/ /usr/local/bin/`,
    ...(prev ? [`COPY --from=${prev} /opt/app${salt}${i - 1}/bin/ /opt/app${salt}${i}/bin/`] : [`COPY requirements${salt}.txt ./`]),
    `RUN <<EOF${salt}`,
    `set -e`,
    `useradd -l -u 1000 app${salt}${i} || true`,
    `chown -R 1000:1000 /opt/app${salt}${i}`,
    `EOF${salt}`,
    `COPY <<-CONF /etc/app${salt}${i}.conf`,
    `\tport=80${i % 10}0`,
    `\tname=${name}`,
    `\tCONF`,
    `LABEL org.opencontainers.image.version="$APP_VERSION_${salt}${i}" \\`,
    `      org.opencontainers.image.title="${name}"`,
    `RUN echo "stage ${i} ready" && ls -la /opt/app${salt}${i}`,
    `EXPOSE 80${i % 10}0/tcp`,
    `HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:80${i % 10}0/health || exit 1`,
    `USER app${salt}${i}`,
    `ENTRYPOINT ["tini", "--${salt}"]`,
    `CMD ["/opt/app${salt}${i}/bin/start", "--port", "80${i % 10}0"]`,
    ``,
  ];
}

export function generateDockerfile(targetLines: number, salt = ''): GeneratedDockerfile {
  const header = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=bookworm-slim', ''];
  const lines = [...header];
  let i = 0;
  while (lines.length < targetLines) lines.push(...stage(i++, salt));
  lines.length = Math.max(targetLines, header.length + 1);
  // Cut at a stage boundary would be kinder, but a trailing partial stage is realistic too: make
  // sure the last line does not end in a continuation.
  while (lines.length && /\\$/.test(lines[lines.length - 1])) lines.pop();
  const find = (pred: (l: string) => boolean, from: number): number => {
    for (let k = from; k < lines.length; k++) if (pred(lines[k])) return k;
    for (let k = 0; k < lines.length; k++) if (pred(lines[k])) return k;
    return 0;
  };
  const middle = Math.floor(lines.length / 2);
  const editLine = find((l) => /^RUN echo "stage/.test(l), middle);
  const varLine = find((l) => l.startsWith('WORKDIR $APP_HOME_'), middle);
  const fromLine = find((l) => l.startsWith('COPY --from=stage'), middle);
  const runLine = find((l) => l.startsWith('RUN set -eux'), middle);
  const labelLine = find((l) => l.startsWith('LABEL org.opencontainers.image.version'), middle);
  const original = lines.map((l) => l.length);
  const lengths = [...original];
  const text = lines.join('\n') + '\n';
  return {
    text,
    lines: lines.length,
    editLine,
    hoverKeyword: { line: runLine, character: 1 },
    hoverVariable: { line: varLine, character: 'WORKDIR $'.length + 2 },
    completionLineStart: { line: runLine, character: 0 },
    completionVariable: { line: labelLine, character: lines[labelLine].indexOf('$') + 1 },
    stageReference: { line: fromLine, character: 'COPY --from='.length + 2 },
    lineLength: (line) => lengths[line],
    extend: (line, n) => {
      lengths[line] += n;
    },
    reset: () => {
      for (let k = 0; k < lengths.length; k++) lengths[k] = original[k];
    },
  };
}
