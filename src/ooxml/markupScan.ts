import type { Corrupt } from './errors.js';
import { localName, nameAt } from './xmlMarkup.js';

const COMMENT = 1;
const PI = 2;
const CDATA = 3;
type Skipping = 0 | typeof COMMENT | typeof PI | typeof CDATA;
const TERMINATOR = ['', '-->', '?>', ']]>'] as const;

/** A start tag longer than this is kept whole only if its attributes are read (c, row, mergeCell). */
export const MAX_KEPT_TAG = 64 * 1024;

/**
 * XML markup split into tags and character data, chunk by chunk, in time linear in the text's length
 * whatever the markup holds.
 *
 * Why the care: markup cut by a chunk's end used to be carried into the next chunk and searched again
 * from its start, so a comment, processing instruction, CDATA section or attribute value of tens of MB
 * (a 100 KB zip) was searched again on every chunk: 60 MB took 98 s. Now a comment, PI or CDATA section
 * running past its chunk is skipped as it streams (only the two characters that may begin its
 * terminator are carried; CDATA inside a value is handed over as text); a cut tag is carried with the
 * place its '>' search reached and whether it was inside quotes, so no character is looked at twice;
 * and a start tag longer than MAX_KEPT_TAG is streamed through without being kept, unless its attributes
 * are needed, when it is refused as corrupt. `work` counts the characters looked at, so a test can hold
 * the scan to linear time without a clock.
 *
 * It checks what a parser would: every end tag closes the element that is open, the document ends with
 * every element closed, one root, no DTD (OOXML has none; no entity is ever expanded).
 */
export abstract class MarkupScanner {
  /** Characters looked at so far, carried ones included each time they are looked at again. */
  work = 0;
  /** Whether character data is wanted now; it is handed to characters() as raw (undecoded) XML text. */
  protected collecting = false;
  private carry = '';
  /** Where the '>' search in a carried tag goes on (an index into the carry), and the quote open there. */
  private resumeAt = 0;
  private resumeQuote = 0;
  private skipping: Skipping = 0;
  /** The last characters of skipped markup, which may begin its terminator. */
  private tail = '';
  /** A start tag too long to keep whose attributes are not needed: its name, quote, last character. */
  private longTag: { name: string; quote: number; prev: number } | null = null;
  /** Qualified names of the open elements, for the end-tag check, and their local names. */
  private readonly openNames: string[] = [];
  private readonly openLocal: string[] = [];
  private sawRoot = false;

  constructor(
    protected readonly corrupt: Corrupt,
    private readonly maxKeptTag: number = MAX_KEPT_TAG,
  ) {}

  /** Character data while collecting, as written (entities not decoded; CDATA escaped to match). */
  protected abstract characters(raw: string): void;
  /** A start tag; its attributes are s[from, to). */
  protected abstract opened(local: string, s: string, from: number, to: number): void;
  protected abstract closed(local: string): void;
  /** Whether the attributes of an element are read (a tag too long to keep is then refused). */
  protected abstract needsAttributes(local: string): boolean;
  /** A fast path for common markup starting at s[lt]: the index just after it, or -1. */
  protected quick(_s: string, _lt: number): number {
    return -1;
  }

  /** Scans the next chunk of text. */
  protected scan(chunk: string): void {
    let s = chunk;
    if (this.skipping !== 0) s = this.tail + chunk;
    else if (this.carry !== '') s = this.carry + chunk;
    this.tail = '';
    this.carry = '';
    this.work += s.length;
    let i = 0;
    if (this.skipping !== 0) {
      const kind = this.skipping;
      this.skipping = 0;
      i = this.skipFrom(s, 0, kind);
    } else if (this.longTag !== null) i = this.longTagEnd(s);
    else if (this.resumeAt > 0) {
      const from = this.resumeAt;
      this.resumeAt = 0;
      const end = this.tagEnd(s, 0, from, this.resumeQuote);
      if (end < 0) i = this.keepTag(s, 0);
      else {
        this.tag(s, 0, end);
        i = end + 1;
      }
    }
    const n = s.length;
    while (i >= 0 && i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.collecting) this.characters(s.slice(i));
        return;
      }
      if (lt > i && this.collecting) this.characters(s.slice(i, lt));
      const quick = this.quick(s, lt);
      i = quick >= 0 ? quick : this.markup(s, lt);
    }
  }

  /** Nothing is carried or being skipped: the next chunk's markup starts afresh. */
  protected settled(): boolean {
    return this.carry === '' && this.resumeAt === 0 && this.skipping === 0 && this.longTag === null;
  }

  /** The qualified name of the innermost open element. */
  protected innermost(): string | undefined {
    return this.openNames.at(-1);
  }

  /**
   * For a reader that read an element's tags itself (a worksheet's byte path): the element is open, or the
   * innermost one closed, as a tag would leave them — without opened() or closed() being called.
   */
  protected enter(name: string, local: string): void {
    this.openNames.push(name);
    this.openLocal.push(local);
  }

  protected leave(): void {
    this.openNames.pop();
    this.openLocal.pop();
  }

  protected end(): void {
    if (this.carry !== '' || this.longTag !== null) throw this.corrupt('xml-ends-in-tag');
    if (this.skipping !== 0) throw this.corrupt('xml-ends-in-comment');
    if (!this.sawRoot) throw this.corrupt('xml-empty');
    if (this.openNames.length > 0) throw this.corrupt('xml-ends-open', { tag: this.openNames.at(-1)! });
  }

  /** The markup starting at s[lt] ('<'): the index after it, or -1 when it runs past the chunk. */
  private markup(s: string, lt: number): number {
    if (lt + 1 >= s.length) {
      this.carry = '<';
      return -1;
    }
    const next = s.charCodeAt(lt + 1);
    if (next === 0x21) {
      // '!': a comment, CDATA or a DTD
      if (s.startsWith('<!--', lt)) return this.skipFrom(s, lt + 4, COMMENT);
      if (s.startsWith('<![CDATA[', lt)) return this.skipFrom(s, lt + 9, CDATA);
      if (lt + 9 > s.length) {
        this.carry = s.slice(lt);
        return -1;
      }
      throw this.corrupt('xml-declaration');
    }
    if (next === 0x3f) return this.skipFrom(s, lt + 2, PI); // '?': <?xml …?> and other PIs
    const end = this.tagEnd(s, lt, lt + 1, 0);
    if (end < 0) return this.keepTag(s, lt);
    this.tag(s, lt, end);
    return end + 1;
  }

  /** Skips a comment, PI or CDATA section from s[from]: the index after its end, or -1 (carried on). */
  private skipFrom(s: string, from: number, kind: Skipping): number {
    const terminator = TERMINATOR[kind];
    const e = s.indexOf(terminator, from);
    if (e >= 0) {
      if (kind === CDATA && this.collecting) this.cdata(s.slice(from, e));
      return e + terminator.length;
    }
    const keep = Math.max(from, s.length - (terminator.length - 1));
    if (kind === CDATA && this.collecting) this.cdata(s.slice(from, keep));
    this.skipping = kind;
    this.tail = s.slice(keep);
    return -1;
  }

  /** CDATA is literal text: escaped, so that decoding the collected text restores it. */
  private cdata(text: string): void {
    if (text !== '') this.characters(text.replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
  }

  /** Index of the '>' ending the tag at s[lt], searched from `from` with `quote` open; -1 if not here. */
  private tagEnd(s: string, lt: number, from: number, quote: number): number {
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) return i;
      else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3c) throw this.corrupt('xml-lt-in-tag', { found: s.slice(lt, lt + 20) });
    }
    this.resumeQuote = quote;
    return -1;
  }

  /** A tag cut by the chunk's end: carried on (where its search stopped), streamed through, or refused. */
  private keepTag(s: string, lt: number): -1 {
    const kept = s.length - lt;
    if (kept <= this.maxKeptTag) {
      this.carry = s.slice(lt);
      this.resumeAt = kept;
      return -1;
    }
    let nameEnd = lt + 1;
    while (nameEnd < s.length && !endsName(s.charCodeAt(nameEnd))) nameEnd++;
    const name = s.slice(lt + 1, Math.min(nameEnd, lt + 40));
    if (nameEnd < s.length && name !== '' && name[0] !== '/' && !this.needsAttributes(localName(name))) {
      this.longTag = { name, quote: this.resumeQuote, prev: s.charCodeAt(s.length - 1) };
      return -1;
    }
    throw this.corrupt('xml-tag-too-long', { tag: name, limit: this.maxKeptTag });
  }

  /** Streams on through a long start tag: the index after its '>', or -1. */
  private longTagEnd(s: string): number {
    const t = this.longTag!;
    let { quote, prev } = t;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) {
        this.longTag = null;
        this.start(t.name, '', 0, 0, prev === 0x2f);
        return i + 1;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3c) throw this.corrupt('xml-lt-in-tag', { found: `<${t.name}` });
      prev = c;
    }
    t.quote = quote;
    t.prev = prev;
    return -1;
  }

  /** A whole start or end tag s[lt..gt]. */
  private tag(s: string, lt: number, gt: number): void {
    if (s.charCodeAt(lt + 1) === 0x2f) {
      const expected = this.openNames.pop();
      const after = lt + 2 + (expected?.length ?? 0);
      if (expected === undefined || !s.startsWith(expected, lt + 2) || s.slice(after, gt).trim() !== '') {
        const name = s.slice(lt + 2, Math.min(gt, lt + 42)).trim();
        throw expected === undefined
          ? this.corrupt('xml-unexpected-close', { tag: name })
          : this.corrupt('xml-close-mismatch', { tag: name, expected });
      }
      this.closed(this.openLocal.pop()!);
      return;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 0x2f;
    let nameEnd = lt + 1;
    while (nameEnd < gt && !endsName(s.charCodeAt(nameEnd))) nameEnd++;
    this.start(nameAt(s, lt + 1, nameEnd), s, nameEnd, selfClosing ? gt - 1 : gt, selfClosing);
  }

  private start(name: string, s: string, from: number, to: number, selfClosing: boolean): void {
    if (name === '') throw this.corrupt('xml-tag-no-name');
    if (this.openNames.length === 0) {
      if (this.sawRoot) throw this.corrupt('xml-second-root');
      this.sawRoot = true;
    }
    const local = localName(name);
    this.opened(local, s, from, to);
    if (selfClosing) this.closed(local);
    else {
      this.openNames.push(name);
      this.openLocal.push(local);
    }
  }
}

/** White space, '/' or '>' end an element name. */
const endsName = (c: number): boolean =>
  c === 0x20 || c === 0x2f || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3e;
