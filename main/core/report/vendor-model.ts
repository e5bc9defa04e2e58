// The vendor report model from the vendor registry and its questionnaires.
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import type { Classification, Person, VendorReportModel } from './model';

export interface VendorInput {
  vendorId: string;
  classification: Classification;
  issuedAt: Date;
  signer?: Person | undefined;
  reason?: string | undefined;
  location?: string | undefined;
}

// Questionnaire scoring and conclusions are not in the core yet, and a vendor report
// without them would misstate the review: refuse clearly instead of printing gaps.
export function vendorModel(ws: Workspace, input: VendorInput): Promise<VendorReportModel> {
  void ws;
  void input;
  return Promise.reject(
    new AttestError(
      'REPORT_VENDOR_UNAVAILABLE',
      'Vendor reports are not available in this version: questionnaire scores and conclusions are not recorded yet. Issue an engagement report instead.',
    ),
  );
}
