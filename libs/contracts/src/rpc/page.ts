/** A page of a list (DESIGN.md section 9: `{ items, total }`, `?limit=&offset=`). */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The reply of a delete. */
export interface Deleted {
  id: string;
  deleted: true;
}
