/**
 * The exceptions Sluice clients throw. {@link dev.sluice.client.errors.SluiceException} is the root;
 * {@link dev.sluice.client.errors.ApiException} subclasses stand for an error code a broker returned
 * and carry that code; {@link dev.sluice.client.errors.RetriableException} marks conditions that may
 * clear up if the operation is simply tried again.
 */
package dev.sluice.client.errors;
