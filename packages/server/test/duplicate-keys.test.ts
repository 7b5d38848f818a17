import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { duplicateKeys } from '../src/duplicate-keys.js';

test('a document JSON.stringify wrote names nothing twice, whatever its keys (escapes, ~ and /, __proto__, emoji)', () => {
  const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'a/b', '~0', '', 'é', '😀'));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  }));
  fc.assert(fc.property(json.object, (doc) => assert.deepEqual(duplicateKeys(JSON.stringify(doc)), [])));
});

test('a name given again in the same object is found at its pointer, however either is spelt; the same name in two objects is not', () => {
  const key = fc.string({ minLength: 1, unit: 'binary' });
  fc.assert(
    fc.property(key, fc.jsonValue({ maxDepth: 1 }), fc.jsonValue({ maxDepth: 1 }), (name, first, second) => {
      // The second spelling escapes every UTF-16 unit, as a client may: "\u0061" is "a".
      const escaped = `"${Array.from({ length: name.length }, (_, i) => `\\u${name.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`;
      const text = `{"list":[{${JSON.stringify(name)}:${JSON.stringify(first)},${escaped}:${JSON.stringify(second)}}],"other":{${JSON.stringify(name)}:1}}`;
      const pointer = `/list/0/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      assert.deepEqual(duplicateKeys(text), [{ name, pointer }]);
    }),
  );
});
