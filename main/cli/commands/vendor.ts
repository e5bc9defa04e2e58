// `attest vendor list|add`.
import type { CliCommand } from '../command';

export const vendorCommands: CliCommand[] = [];
