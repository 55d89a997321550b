import { isStorableString, PHONE, USERNAME_MAX, USERNAME_PATTERN } from '@app/contracts';
import { isEmail } from 'class-validator';
import type { Entry } from 'ldapts';
import { LdapAttributeMapping } from './ldap-directory.entity';
import { normalizeDn, values } from './ldap-connection';

/** A user as a directory entry describes it; `emails`/`phone` undefined when the mapping leaves them out. */
export interface DirectoryPerson {
  dn: string;
  username: string;
  primaryEmail: string;
  firstName: string;
  lastName: string;
  emails: string[] | undefined;
  phone: string | null | undefined;
}

/** An entry the import refuses, and why. */
export interface EntryProblem {
  dn: string | null;
  message: string;
}

/** The attributes a search must return for the mapping. */
export const mappedAttributes = (mapping: LdapAttributeMapping): string[] =>
  [...new Set([mapping.username, mapping.primaryEmail, mapping.firstName, mapping.lastName, mapping.emails, mapping.phone].filter((a): a is string => !!a))];

const NAME_MAX = 100;
const EMAIL_MAX = 254;
const EMAILS_MAX = 20;

/** The first value of a required single attribute, or what is wrong with it. */
function required(entry: Entry, attribute: string, field: string, problems: string[]): string {
  const [first] = values(entry, attribute).map((v) => v.trim()).filter((v) => v !== '');
  if (first === undefined) problems.push(`no ${field} (attribute ${attribute} is missing or empty)`);
  return first ?? '';
}

function checkText(value: string, field: string, max: number, problems: string[]): void {
  if (!value) return;
  if (!isStorableString(value)) problems.push(`${field} holds NUL or an unpaired surrogate`);
  else if (value.length > max) problems.push(`${field} is longer than ${max} characters`);
}

/** One entry as a person, or the list of what is wrong with it. */
export function readPerson(entry: Entry, mapping: LdapAttributeMapping): { person: DirectoryPerson | null; problems: string[] } {
  const problems: string[] = [];
  const username = required(entry, mapping.username, 'username', problems);
  if (username && (!USERNAME_PATTERN.test(username) || username.length > USERNAME_MAX)) {
    problems.push(`username "${username.slice(0, 120)}" (attribute ${mapping.username}) is not a valid username: letters, digits and . _ @ - only, at most ${USERNAME_MAX}`);
  }
  const primaryEmail = required(entry, mapping.primaryEmail, 'email', problems);
  if (primaryEmail && (!isEmail(primaryEmail) || primaryEmail.length > EMAIL_MAX)) problems.push(`email "${primaryEmail.slice(0, 300)}" (attribute ${mapping.primaryEmail}) is not a valid address`);
  const firstName = required(entry, mapping.firstName, 'first name', problems);
  const lastName = required(entry, mapping.lastName, 'last name', problems);
  checkText(firstName, 'first name', NAME_MAX, problems);
  checkText(lastName, 'last name', NAME_MAX, problems);

  let emails: string[] | undefined;
  if (mapping.emails) {
    const primary = primaryEmail.toLowerCase();
    const seen = new Set<string>([primary]);
    emails = [];
    for (const value of values(entry, mapping.emails).map((v) => v.trim())) {
      if (value === '' || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      if (!isEmail(value) || value.length > EMAIL_MAX) problems.push(`further email "${value.slice(0, 300)}" (attribute ${mapping.emails}) is not a valid address`);
      emails.push(value);
    }
    if (emails.length > EMAILS_MAX) problems.push(`more than ${EMAILS_MAX} further emails`);
  }
  let phone: string | null | undefined;
  if (mapping.phone) {
    phone = values(entry, mapping.phone).map((v) => v.trim()).find((v) => v !== '') ?? null;
    if (phone !== null && !PHONE.test(phone)) problems.push(`phone "${phone.slice(0, 60)}" (attribute ${mapping.phone}) may hold digits, spaces and + ( ) . / - only, 3 to 40 characters`);
  }
  if (!isStorableString(entry.dn)) problems.push('the DN holds NUL or an unpaired surrogate');
  if (problems.length) return { person: null, problems };
  return { person: { dn: entry.dn, username, primaryEmail, firstName, lastName, emails, phone }, problems };
}

/**
 * Every entry as a person, or every problem: the entries' own (see readPerson) and clashes between
 * entries (a username, or an address, on two entries, ignoring case). The import changes nothing
 * unless `problems` is empty.
 */
export function readPeople(entries: Entry[], mapping: LdapAttributeMapping): { people: DirectoryPerson[]; problems: EntryProblem[] } {
  const people: DirectoryPerson[] = [];
  const problems: EntryProblem[] = [];
  for (const entry of entries) {
    const read = readPerson(entry, mapping);
    if (read.person) people.push(read.person);
    else problems.push({ dn: entry.dn, message: read.problems.join('; ') });
  }
  problems.push(...duplicates(people, (p) => [p.username], 'username'));
  problems.push(...duplicates(people, (p) => [p.primaryEmail, ...(p.emails ?? [])], 'email'));
  problems.push(...duplicates(people, (p) => [normalizeDn(p.dn)], 'DN'));
  return { people, problems };
}

/** An entry whose value (of `what`) an earlier entry has too, each named with the first one. */
function duplicates(people: DirectoryPerson[], keys: (p: DirectoryPerson) => string[], what: string): EntryProblem[] {
  const firstDn = new Map<string, string>();
  const problems: EntryProblem[] = [];
  for (const person of people) {
    for (const key of new Set(keys(person).map((k) => k.toLowerCase()))) {
      const earlier = firstDn.get(key);
      if (earlier === undefined) firstDn.set(key, person.dn);
      else problems.push({ dn: person.dn, message: `duplicate ${what} "${key}": the entry ${earlier} has it too` });
    }
  }
  return problems;
}

/**
 * The roles of each person: those of every mapped group listing its DN, or the default roles when
 * none does. `members` holds each mapped group's member DNs.
 */
export function rolesOf(person: DirectoryPerson, roleMapping: { groupDn: string; roleId: string }[], members: Map<string, Set<string>>, defaultRoleIds: string[]): string[] {
  const dn = normalizeDn(person.dn);
  const mapped = roleMapping.filter((m) => members.get(normalizeDn(m.groupDn))?.has(dn)).map((m) => m.roleId);
  return mapped.length ? [...new Set(mapped)] : [...defaultRoleIds];
}
