/**
 * User-facing text as data: {@link dev.pullfix.model.text.Message} (bundle, key, arguments) is what the model returns
 * wherever a person will read something, and {@link dev.pullfix.model.text.Texts} renders it with the bundles of the
 * resources module. May depend on nothing else in Pullfix; every other package may use it. No English sentences here
 * or anywhere in the model: they live in {@code dev/pullfix/i18n/*.properties} (en + ja).
 *
 * <p>May not: depend on any other Pullfix package; hold English sentences (they live in the bundles).
 */
package dev.pullfix.model.text;
