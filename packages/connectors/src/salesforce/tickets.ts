import { ConnectorError, pointerError } from '../errors.js';
import type { SalesforceClient } from './client.js';
import { soqlId } from './soql.js';

/** A support-ticket event to log on the member (seed 001: ticket number, status and a link back, at least). */
export interface SupportTicketNote {
  /** The member's record id (a Contact or Lead: Tasks hang on people through WhoId). */
  memberId: string;
  ticketNumber: string;
  /** MemberPulse's ticket status, e.g. `Open`, `Resolved`. */
  status: string;
  /** Link back to the ticket in MemberPulse. */
  link: string;
  /** Short summary, e.g. the ticket's subject. */
  subject?: string;
  /** Longer text; the number, status and link are always included. */
  details?: string;
}

const SUBJECT_MAX = 255;

/** Logs ticket activity as a completed Task on the member, with only standard Task fields. Answers the Task id. */
export async function logSupportTicket(client: SalesforceClient, note: SupportTicketNote): Promise<{ id: string }> {
  soqlId(note.memberId);
  const errors = [
    ...(note.ticketNumber.trim() ? [] : [pointerError('/ticketNumber', 'required', 'The ticket number is required.')]),
    ...(note.status.trim() ? [] : [pointerError('/status', 'required', 'The ticket status is required.')]),
    ...(/^https?:\/\//.test(note.link) ? [] : [pointerError('/link', 'invalid_format', 'The link back must be an http(s) URL.')]),
  ];
  if (errors.length) throw new ConnectorError('invalid', 'The support-ticket note is incomplete.', errors);
  const subject = `Support ticket #${note.ticketNumber} (${note.status})${note.subject ? `: ${note.subject}` : ''}`;
  const description = [`Ticket: #${note.ticketNumber}`, `Status: ${note.status}`, `Open in MemberPulse: ${note.link}`, ...(note.details ? ['', note.details] : [])].join('\n');
  return client.request<{ id: string }>('POST', '/sobjects/Task', {
    WhoId: note.memberId,
    Subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
    Description: description,
    Status: 'Completed',
    Priority: 'Normal',
    ActivityDate: new Date().toISOString().slice(0, 10),
  });
}
