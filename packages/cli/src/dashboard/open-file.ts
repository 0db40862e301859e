import { spawn } from 'node:child_process';

/** The command that opens a file in the default application on this platform. */
export function openerFor(platform: NodeJS.Platform, file: string): { command: string; args: string[]; verbatim: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [file], verbatim: false };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one. cmd
  // reads its command line as written, so the quotes are passed verbatim.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${file}"`], verbatim: true };
  return { command: 'xdg-open', args: [file], verbatim: false };
}

/** Opens `file` in the default browser without waiting for it; resolves with an error message when the opener could not start. */
export function openInBrowser(file: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const { command, args, verbatim } = openerFor(platform, file);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: verbatim });
    child.once('error', (error) => resolve(`${command} could not start (${error.message})`));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}
