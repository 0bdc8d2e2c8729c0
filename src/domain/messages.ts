// Messages from the domain are data: a code and its values, with an English template per code
// (what the command line prints and logs show); the interface words the same code and values in
// the reader's language (src/ui/issues.ts).
export type MessageValues = Record<string, string | number>;

/** English templates by code. */
export type MessageTemplates = Record<string, (v: MessageValues) => string>;

/** The codes of a template table, in its order (the tests word every one). */
export const codesOf = <T extends MessageTemplates>(templates: T): (keyof T & string)[] =>
  Object.keys(templates);

/** The English of a code with its values (a table's templates may ignore the values). */
export const templateText = <T extends MessageTemplates>(
  templates: T,
  code: keyof T,
  values: MessageValues,
): string => (templates[code] as MessageTemplates[string])(values);
