/**
 * Parts one feature shows inside another feature's page. Features never import each other (lint
 * enforces it); where a page needs another feature's part, it takes it from here, so every such
 * meeting point is listed in one place.
 */
export { UnitDialog } from '../customers/unit-dialog';
export { InvitationMenu } from '../distribution/invitation-menu';
export { SendMinutesButton } from '../distribution/send-minutes-dialog';
export { ExportMenu } from '../export/export-menu';
export { ReviewPackForItem, UnplacedReviewPack } from '../review-pack/meeting-pack';
export { AgreementDecisions } from '../decisions/agreement-decisions';
export { OverdueInviteeSuggestion } from '../engagement/overdue-invitee-suggestion';
export { OverdueRelationships } from '../engagement/overdue-relationships';
export { RoleCadenceSettings } from '../engagement/role-cadence-settings';
export { MeetingOutcomes } from '../outcomes/meeting-outcomes';
export { useSavedFileNotice } from '../review-pack/use-save-file';
export { SeriesRepeatFields } from '../series/series-repeat-fields';
