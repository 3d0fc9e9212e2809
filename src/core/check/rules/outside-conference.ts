/**
 * Markdown files that no listing sees: at the top of the workspace (but
 * README.md), in a folder without a conference.md, or behind a link to a folder.
 */
import {
  conferenceSlugs,
  LINKED_FOLDER,
  linkedFolders,
  RESERVED_FOLDERS,
} from '../../workspace/conference.js';
import { walkMarkdown } from '../../note/note-files.js';
import { relativeToWorkspace } from '../../workspace/workspace.js';
import type { Finding, WorkspaceRule } from '../rule.js';

export const outsideConference: WorkspaceRule = {
  id: 'outside-conference',
  scope: 'workspace',
  severity: 'warning',
  fixable: false,
  check: ({ ws, workspaceWide }) => {
    if (!workspaceWide) return [];
    const found: Finding[] = linkedFolders(ws).map((name) => ({
      path: name,
      line: null,
      message: LINKED_FOLDER,
    }));
    const conferences = new Set(conferenceSlugs(ws));
    walkMarkdown(ws.root, 0, {
      // The top: conference folders are the notes' (and reserved ones nobody's); README.md is the workspace's.
      skip: (entry, depth) =>
        depth === 0 &&
        (entry.isDirectory()
          ? conferences.has(entry.name) || RESERVED_FOLDERS.has(entry.name)
          : entry.name.toLowerCase() === 'readme.md'),
      file: (full, entry, depth) => {
        if (depth > 0 && !entry.isFile() && !entry.isSymbolicLink()) return;
        found.push({
          path: relativeToWorkspace(ws, full),
          line: null,
          message:
            'outside any conference folder (one with a conference.md), so no command sees it; move it into one',
        });
      },
    });
    return found;
  },
};
