/** The ids in one list and not the other: the roles a change of a role set gives or takes. */
export const changedIds = (before: readonly string[], after: readonly string[]): string[] => [
  ...after.filter((id) => !before.includes(id)),
  ...before.filter((id) => !after.includes(id)),
];
