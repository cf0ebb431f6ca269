// SMS behind one interface. No provider is contracted yet: the default writes each message to the
// log (SMS_PROVIDER=log). A provider's adapter implements SmsSender and throws on a failed send
// (the job is then retried).
import type { JobLogger } from '../jobs/module.ts';

export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export function createLogSmsSender(log: JobLogger): SmsSender {
  return {
    async send(phone, text) {
      // The number is masked: the log is not the place for applicants' contact data.
      log.info({ sms: { to: `${phone.slice(0, 3)}****${phone.slice(-3)}`, text } }, 'SMS (SMS_PROVIDER=log: not sent)');
    },
  };
}
