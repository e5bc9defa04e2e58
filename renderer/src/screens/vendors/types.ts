// Contract types the Vendors screen uses, gathered in one import.
export type {
  CertificationKind,
  CertificationView,
  CredentialView,
  DocumentView,
  ReviewConclusion,
  ReviewState,
  ScheduleView,
  VendorCriticality,
  VendorDataType,
  VendorRow,
  VendorTier,
  VendorView,
} from '../../../../main/contract/vendor';
export type { RequestOf } from '../../../../main/contract/ipc';
