/** The Sluice broker: embedded API and command line. */
package dev.sluice.broker;
