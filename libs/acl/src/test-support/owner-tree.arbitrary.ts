import fc from 'fast-check';
import { BusinessUnitNode } from '../owner-tree';

/** The organizations generated worlds use. */
export const ORGANIZATIONS = ['o1', 'o2'];

/** A forest: unit i may hang below an earlier unit of the same organization, so there is no cycle. */
export const ownerTreeArb = (maxLength: number): fc.Arbitrary<BusinessUnitNode[]> =>
  fc
    .array(fc.record({ organizationId: fc.constantFrom(...ORGANIZATIONS), parentPick: fc.option(fc.nat(), { freq: 3 }) }), { minLength: 1, maxLength })
    .map((drafts) =>
      drafts.map((draft, index) => {
        const candidates = drafts.slice(0, index).flatMap((other, otherIndex) => (other.organizationId === draft.organizationId ? [`bu${otherIndex}`] : []));
        const parentId = draft.parentPick !== null && candidates.length > 0 ? candidates[draft.parentPick % candidates.length] : null;
        return { id: `bu${index}`, parentId, organizationId: draft.organizationId };
      }),
    );
