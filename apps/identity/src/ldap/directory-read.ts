import { DirectoryPerson, EntryProblem, mappedAttributes, readPeople } from './directory-people';
import { groupMembers, LdapSearchSettings, normalizeDn, searchEntries, withDirectory } from './ldap-connection';
import { LdapDirectory } from './ldap-directory.entity';

/** A whole directory as the import sees it: its people (or what is wrong with them) and its mapped groups' members. */
export interface DirectorySnapshot {
  total: number;
  people: DirectoryPerson[];
  problems: EntryProblem[];
  /** Normalized group DN -> normalized member DNs. */
  members: Map<string, Set<string>>;
}

/**
 * Reads every user entry (paged) and the member lists of the mapped groups in one bound session,
 * then checks the entries (directory-people.ts). Identity only ever reads: nothing is written to
 * the directory. Connection, bind, filter and base-DN failures throw LdapFailure.
 */
export async function readDirectory(directory: LdapDirectory, bindPassword: string): Promise<DirectorySnapshot> {
  const settings: LdapSearchSettings = { ...directory, bindPassword };
  const { entries, members } = await withDirectory(settings, async (client) => {
    const found = await searchEntries(client, settings, mappedAttributes(directory.attributeMapping));
    const groups = new Map<string, Set<string>>();
    for (const groupDn of new Set(directory.roleMapping.map((m) => m.groupDn))) {
      groups.set(normalizeDn(groupDn), new Set((await groupMembers(client, groupDn, settings.url)).map(normalizeDn)));
    }
    return { entries: found, members: groups };
  });
  const { people, problems } = readPeople(entries, directory.attributeMapping);
  return { total: entries.length, people, problems, members };
}
