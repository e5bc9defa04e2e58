// The system's open and save dialogs, shown by the main process: the only way a file
// path reaches a channel from the app. The core turns the chosen path into a handle
// (main/core/files); the renderer never sees or names the path itself.
import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DialogRequest, FileDialog } from '../core/files/dialogs';

/** The app's window, so the dialog is modal to it. */
const parentWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export function electronFileDialog(): FileDialog {
  return async (request: DialogRequest) => {
    const parent = parentWindow();
    if (request.kind === 'open') {
      const options: OpenDialogOptions = {
        title: request.title,
        defaultPath: request.defaultPath,
        filters: request.filters,
        properties: ['openFile'],
      };
      const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    }
    // Replacing a file is confirmed by the dialog itself (Linux needs asking for it).
    const options: SaveDialogOptions = {
      title: request.title,
      defaultPath: request.defaultPath,
      filters: request.filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  };
}
