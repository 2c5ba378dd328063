/** Which relation on file each certificate relation rests on. [003; 001 kinship Q1, Q2] */
import type { KinRelation, Person } from '../../../shared/kiosk-api/schemas/service-facts.js';

type FileLink = keyof Person['relationsOnFile'];

/** Siblings and grandparents are reached through the parents, grandchildren through the children. */
export const LINK_FOR: Record<KinRelation, FileLink> = {
  parent: 'parents',
  sibling: 'parents',
  'paternal-grandparent': 'parents',
  'maternal-grandparent': 'parents',
  child: 'children',
  grandchild: 'children',
  spouse: 'spouse',
};

/** The only relations kinship verification can put on file. [001 kinship Q2] */
export const VERIFIABLE: readonly KinRelation[] = ['parent', 'child', 'spouse'];
