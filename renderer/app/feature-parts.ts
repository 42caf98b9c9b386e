/**
 * Parts one feature shows inside another feature's page. Features never import each other (lint
 * enforces it); where a page needs another feature's part, it takes it from here, so every such
 * meeting point is listed in one place.
 */
export { UnitDialog } from '../customers/unit-dialog';
export { ExportMenu } from '../export/export-menu';
export { ReviewPackForItem, UnplacedReviewPack } from '../review-pack/meeting-pack';
