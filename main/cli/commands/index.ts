// Every CLI subcommand, in the order `attest --help` lists them. Each domain adds its
// command module here.
import type { CliCommand } from '../command';
import { assessmentCommands } from './assessment';
import { callCommand } from './call';
import { catalogCommands } from './catalog';
import { checkCommands } from './check';
import { channelsCommand } from './channels';
import { demoCommand } from './demo';
import { questionnaireCommands } from './questionnaire';
import { recoverCommand } from './recover';
import { reportCommands } from './report';
import { vendorCommands } from './vendor';
import { infoCommand, newCommand, passwdCommand, verifyCommand } from './workspace';

export const commands: CliCommand[] = [
  demoCommand,
  newCommand,
  infoCommand,
  verifyCommand,
  passwdCommand,
  recoverCommand,
  ...catalogCommands,
  ...assessmentCommands,
  ...vendorCommands,
  ...questionnaireCommands,
  ...checkCommands,
  ...reportCommands,
  callCommand,
  channelsCommand,
];
