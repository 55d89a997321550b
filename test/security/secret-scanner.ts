/** A secret a run handled: what it is, and the value that must never be printed or published. */
export interface Secret {
  name: string;
  value: string;
}

/** One place a secret showed up: which secret, in which source (a log or a bus message), on which line. */
export interface Finding {
  secret: string;
  source: string;
  line: string;
}

/** Secrets recognised by their shape, whether or not the test saw them issued. */
const SHAPES: { name: string; pattern: RegExp }[] = [
  { name: 'an argon2 hash ($argon2…$)', pattern: /\$argon2(id|i|d)\$/ },
  { name: 'a JWT (eyJ….eyJ….…)', pattern: /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/ },
  // The API key format (apps/identity/src/api-keys/api-key-format.ts) is prefixed to be recognisable.
  { name: 'an API key (crm_…_…)', pattern: /crm_[0-9a-f]{32}_[\w-]{43}/ },
];

/** Below this, a literal would match by chance: the test must not hand the scanner such a value. */
const SHORTEST_SECRET = 8;

/** The forms a value takes when written into JSON or a URL. */
const forms = (value: string): string[] => [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])];

/** Every line of `text` (from `source`) holding one of `secrets` or anything shaped like a hash or a token. */
export function findSecrets(source: string, text: string, secrets: Secret[]): Finding[] {
  const tooShort = secrets.filter((s) => s.value.length < SHORTEST_SECRET);
  if (tooShort.length) throw new Error(`too short to search for: ${tooShort.map((s) => s.name).join(', ')}`);
  const findings: Finding[] = [];
  for (const line of text.split('\n')) {
    for (const secret of secrets) if (forms(secret.value).some((form) => line.includes(form))) findings.push({ secret: secret.name, source, line });
    for (const shape of SHAPES) if (shape.pattern.test(line)) findings.push({ secret: shape.name, source, line });
  }
  return findings;
}

/** Findings as a readable message: which secret, where, and the line (cut to a readable length). */
export const describeFindings = (findings: Finding[]): string =>
  findings.map((f) => `${f.secret} in ${f.source}: ${f.line.length > 300 ? `${f.line.slice(0, 300)}…` : f.line}`).join('\n');
