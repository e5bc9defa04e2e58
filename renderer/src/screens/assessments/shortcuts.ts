// The Assessments screen's keys, listed once for the help overlay (`?`).
import type { ShortcutGroup } from '../../components/ShortcutHelp';

export const ASSESSMENT_SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Moving around the control table',
    shortcuts: [
      { keys: ['j', '↓'], action: 'Next control' },
      { keys: ['k', '↑'], action: 'Previous control' },
      { keys: ['Home', 'End'], action: 'First or last control' },
      { keys: ['PageUp', 'PageDown'], action: 'One screen up or down' },
      { keys: ['/'], action: 'Search the controls' },
      { keys: ['Enter', 'Escape'], action: 'From the search box back to the table (the search stays)' },
      { keys: ['?'], action: 'This help' },
    ],
  },
  {
    title: 'Assessing the active control',
    shortcuts: [
      { keys: ['1'], action: 'Met (with a status filter on, the next control moves up)' },
      { keys: ['2'], action: 'Partially met' },
      { keys: ['3'], action: 'Not met' },
      { keys: ['4'], action: 'Not applicable (opens the editor: a justification is required)' },
      { keys: ['0'], action: 'Not assessed (clears the result; Undo brings it back)' },
      { keys: ['Enter', 'e'], action: 'Edit the rationale' },
      { keys: ['f'], action: 'Record a finding from a control not met or partially met' },
    ],
  },
  {
    title: 'Changing many controls at once',
    shortcuts: [
      { keys: ['Ctrl+click', 'Space'], action: 'Add or remove a control from the selection' },
      { keys: ['Shift+click', 'Shift+↓'], action: 'Select a range' },
      { keys: ['Ctrl+Z'], action: 'Take back the last change, a bulk change included' },
    ],
  },
  {
    title: 'In the rationale editor',
    shortcuts: [
      { keys: ['Ctrl+Enter'], action: 'Save and return to the table' },
      { keys: ['Escape'], action: 'Return to the table (the draft is kept)' },
    ],
  },
];

/** The digit keys and the status each one sets. */
export const STATUS_KEYS = { '1': 'met', '2': 'partial', '3': 'not-met', '4': 'not-applicable', '0': 'not-assessed' } as const;
