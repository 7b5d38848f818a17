// How a failed call is worded for people: the server's English, or the host's words where it registered them.
import { ValidationError } from '@memberpulse/integrations-sdk';
import { errorText } from './error-text.js';
import { equal, inGerman, inLocale } from './browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const refused = (detail: string, errors: ValidationError['errors'] = []) =>
  new ValidationError(detail, { status: 400, problem: { type: 'https://memberpulse.dev/problems/validation', title: 'Bad request', status: 400, detail, errors: [...errors] } });

describe('errorText', () => {
  it('words a refused request without field errors in the host’s language where it translated error.validation, else the server’s English', async () => {
    const bad = refused('The request body is not valid JSON.');
    const whole = refused('1 field needs attention.', [{ pointer: '', code: 'invalid_type', message: 'The body must be a JSON object.' }]);
    equal(errorText(bad), 'The request body is not valid JSON.', 'English: the server’s detail');
    equal(errorText(whole), 'The body must be a JSON object.', 'English: the error on the whole body');
    await inGerman({ 'error.validation': 'Einige Werte müssen korrigiert werden.' }, async () => {
      equal(errorText(bad), 'Einige Werte müssen korrigiert werden.', 'German: the translation, not the English detail');
      equal(errorText(whole), 'Einige Werte müssen korrigiert werden.', 'nor the English error on the whole body');
    });
    await inLocale('fr', {}, async () => {
      equal(errorText(bad), 'The request body is not valid JSON.', 'French without that key: the server’s English, more telling than the kit’s');
    });
  });
});
