// Answers the Docker commands' prompts in order, the way a user would, and records every prompt
// and message. An input answer runs through the box's validator first: a rejected answer is kept
// with its message and the next answer is typed, as a user corrects what they typed.
import * as vscode from 'vscode';
import type { Prompts } from '../../client/src/prompts';

export const ACCEPT = Symbol('accept the proposed value');
export const ESCAPE = Symbol('press Escape');
type InputAnswer = string | typeof ACCEPT | typeof ESCAPE;

type Step =
  | { kind: 'input'; about: RegExp; answers: InputAnswer[] }
  | { kind: 'pick'; about: RegExp; choose: RegExp | typeof ESCAPE }
  | { kind: 'open'; about: RegExp; path: string };

export interface Asked {
  kind: 'input' | 'pick' | 'open';
  /** Title, prompt and placeholder joined with " | ". */
  text: string;
  /** The input box's proposed value. */
  proposed?: string;
  password?: boolean;
  /** Quick pick item labels (with descriptions after " — "). */
  items?: string[];
  rejected: { value: string; message: string }[];
  answer?: string;
}

export interface Shown {
  level: 'info' | 'warning' | 'error';
  message: string;
  buttons: string[];
  modal: boolean;
  reply?: string;
}

export class ScriptedPrompts implements Prompts {
  readonly asked: Asked[] = [];
  readonly shown: Shown[] = [];
  /** Prompts nobody scripted, or scripted answers that did not fit. */
  readonly problems: string[] = [];
  private readonly steps: Step[] = [];
  private readonly replies: { match: RegExp; button: string }[] = [];
  private readonly messageListeners: ((shown: Shown) => void)[] = [];

  input(about: RegExp, ...answers: InputAnswer[]): this {
    this.steps.push({ kind: 'input', about, answers: answers.length > 0 ? answers : [ACCEPT] });
    return this;
  }

  pick(about: RegExp, choose: RegExp | typeof ESCAPE): this {
    this.steps.push({ kind: 'pick', about, choose });
    return this;
  }

  open(about: RegExp, path: string): this {
    this.steps.push({ kind: 'open', about, path });
    return this;
  }

  /** Clicks `button` on the next message matching `match`. */
  reply(match: RegExp, button: string): this {
    this.replies.push({ match, button });
    return this;
  }

  /** Steps scripted but never reached. */
  unused(): string[] {
    return this.steps.map((step) => `${step.kind} /${step.about.source}/`);
  }

  /** The first prompt whose text matches. */
  prompt(match: RegExp): Asked {
    const asked = this.asked.find((a) => match.test(a.text));
    if (!asked) throw new Error(`no prompt matching ${match}; asked: ${JSON.stringify(this.asked.map((a) => a.text))}`);
    return asked;
  }

  messages(level?: Shown['level']): string[] {
    return this.shown.filter((s) => !level || s.level === level).map((s) => s.message);
  }

  /** Resolves with the first message (already shown or still to come) matching `match`. */
  waitForMessage(match: RegExp, timeoutMs = 30_000): Promise<Shown> {
    const seen = this.shown.find((s) => match.test(s.message));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no message matching ${match} within ${timeoutMs} ms; shown: ${JSON.stringify(this.messages())}`)),
        timeoutMs,
      );
      this.messageListeners.push((shown) => {
        if (!match.test(shown.message)) return;
        clearTimeout(timer);
        resolve(shown);
      });
    });
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const asked: Asked = {
      kind: 'input',
      text: describe(options.title, options.prompt, options.placeHolder),
      proposed: options.value,
      password: !!options.password,
      rejected: [],
    };
    this.asked.push(asked);
    const step = this.take('input', asked.text);
    if (step?.kind !== 'input') return undefined;
    for (const answer of step.answers) {
      if (answer === ESCAPE) return undefined;
      const value = answer === ACCEPT ? (options.value ?? '') : answer;
      const verdict = await options.validateInput?.(value);
      const message = typeof verdict === 'string' ? verdict : (verdict?.message ?? undefined);
      if (message) {
        asked.rejected.push({ value, message });
        continue;
      }
      asked.answer = value;
      return value;
    }
    this.problems.push(`every answer to "${asked.text}" was rejected: ${JSON.stringify(asked.rejected)}`);
    return undefined;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const labels = items.map((item) => (item.description ? `${item.label} — ${item.description}` : item.label));
    const asked: Asked = { kind: 'pick', text: describe(options.title, options.placeHolder), items: labels, rejected: [] };
    this.asked.push(asked);
    const step = this.take('pick', asked.text);
    if (step?.kind !== 'pick' || step.choose === ESCAPE) return undefined;
    const choose = step.choose;
    const index = labels.findIndex((label) => choose.test(label));
    if (index < 0) {
      this.problems.push(`no item of "${asked.text}" matches ${choose}: ${JSON.stringify(labels)}`);
      return undefined;
    }
    asked.answer = labels[index];
    return items[index];
  }

  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    const asked: Asked = { kind: 'open', text: describe(options.title, options.openLabel), rejected: [] };
    this.asked.push(asked);
    const step = this.take('open', asked.text);
    if (step?.kind !== 'open') return undefined;
    asked.answer = step.path;
    return [vscode.Uri.file(step.path)];
  }

  async showInformationMessage(message: string, ...buttons: string[]): Promise<string | undefined> {
    return this.message('info', message, buttons, false);
  }

  async showWarningMessage(message: string, options: vscode.MessageOptions, ...buttons: string[]): Promise<string | undefined> {
    return this.message('warning', message, buttons, !!options.modal);
  }

  async showErrorMessage(message: string, ...buttons: string[]): Promise<string | undefined> {
    return this.message('error', message, buttons, false);
  }

  private message(level: Shown['level'], message: string, buttons: string[], modal: boolean): string | undefined {
    const index = this.replies.findIndex((r) => r.match.test(message) && buttons.includes(r.button));
    const reply = index >= 0 ? this.replies.splice(index, 1)[0]!.button : undefined;
    const shown: Shown = { level, message, buttons, modal, reply };
    this.shown.push(shown);
    for (const listener of this.messageListeners) listener(shown);
    return reply;
  }

  private take(kind: Step['kind'], text: string): Step | undefined {
    const step = this.steps.shift();
    if (!step) {
      this.problems.push(`unexpected ${kind} prompt "${text}"`);
      return undefined;
    }
    if (step.kind !== kind || !step.about.test(text)) {
      this.problems.push(`expected ${step.kind} /${step.about.source}/ but got ${kind} "${text}"`);
      return undefined;
    }
    return step;
  }
}

function describe(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part).join(' | ');
}
