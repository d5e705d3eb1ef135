package org.jcedar.cli;

import java.util.Optional;

import org.jcedar.client.ClientConfiguration;
import org.jcedar.config.CondorConfig;

/** The tools' view of the HTCondor configuration, read by {@link CondorConfig} as HTCondor's tools read it. */
public final class CondorConfigConfiguration implements ClientConfiguration {
    private final CondorConfig config;

    public CondorConfigConfiguration(CondorConfig config) {
        this.config = config;
    }

    @Override
    public Optional<String> get(String knob) {
        return config.get(knob);
    }
}
