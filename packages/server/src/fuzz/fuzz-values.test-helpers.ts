import fc from "fast-check";

/** Strings that have broken parsers and databases before, plus a few valid-looking values. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0001\u001f\u007f",
  "é",
  "😀",
  "\ud800",
  "\u202e",
  "'; DROP TABLE users; --",
  "%",
  "_",
  "\\",
  "\\u0000",
  "null",
  "true",
  "0",
  "-1",
  "NaN",
  "{{user.id}}",
  "{{user.public_metadata.role}}",
  "{{ user.__proto__ }}",
  "__proto__",
  "constructor",
  "x".repeat(5000),
  "fuzz@example.com",
  "fuzz+clerk_test@example.com",
  "a@b",
  "+15555550100",
  "+1",
  "https://example.com/hook",
  "http://localhost:1/x",
  "javascript:alert(1)",
  "2012-10-20T07:15:20.902Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2024-13-45T99:99:99Z",
  "-271821-04-20T00:00:00Z",
  "user_doesnotexist",
  "org_doesnotexist",
  "admin",
  "org:admin",
  "basic_member",
  "RS256",
  "HS256",
  "argon2id",
  "bcrypt",
  "$2a$10$abcdefghijklmnopqrstuv",
  "JBSWY3DPEHPK3PXP",
  "user.created",
  "-created_at",
  "+username",
];

/** Numbers at the edges of JSON, JavaScript and SQL integer types. */
const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  29,
  30,
  300,
  301,
  365,
  366,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/** A string input: a nasty one, arbitrary text (any code unit, NUL and lone surrogates included). */
export const fuzzString = (extra: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...extra) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  );

/** A scalar input of any JSON type. */
export const fuzzScalar = (extra: readonly string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: fuzzString(extra) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.constant(null) },
  );

/** Any JSON value built from nasty scalars: arrays and objects (keys nasty too), a few levels deep. */
export const fuzzJson = (extra: readonly string[] = []): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 6, arbitrary: fuzzScalar(extra) },
      { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.dictionary(fuzzString(), tie("value"), { maxKeys: 4 }) },
    ),
  })).value;

/** A value for a body field: mostly a scalar, sometimes an array or object. */
export const fuzzFieldValue = (extra: readonly string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fuzzScalar(extra) },
    { weight: 1, arbitrary: fc.array(fuzzScalar(extra), { maxLength: 3 }) },
    { weight: 1, arbitrary: fuzzJson(extra) },
  );

/** Text that is not (or not quite) JSON: truncated, deeply nested, duplicated keys, garbage. */
export const fuzzRawBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "{",
    '{"a":',
    "[]",
    "null",
    "true",
    '"text"',
    "123",
    '{"name":"a","name":"b"}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
    `{"public_metadata":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
    "\ufeff{}",
  ),
);
