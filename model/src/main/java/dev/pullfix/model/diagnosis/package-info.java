/**
 * Pull-failure diagnosis: the classifier (an ordered rule table over the evidence read from kubelet events),
 * its verdict {@link dev.pullfix.model.diagnosis.PullFailure}, and its text. Pure: no fabric8, no AWS SDK.
 */
package dev.pullfix.model.diagnosis;
