// `attest vendor|template|questionnaire`.
import type { CliCommand } from '../command';

export const vendorCommands: CliCommand[] = [];
