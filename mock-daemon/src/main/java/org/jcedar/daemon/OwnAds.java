package org.jcedar.daemon;

import org.jcedar.classad.ClassAd;
import org.jcedar.security.JcedarVersion;

/**
 * The ads the mock daemon advertises about itself: a schedd ad and a collector ad with the attributes tools read
 * (condor_status' default columns, the location query's projection, 10 §6.3), shaped like a real idle schedd's
 * and collector's.
 */
final class OwnAds {
    private final DaemonConfiguration config;
    private final String sinful;
    private final long now;

    OwnAds(DaemonConfiguration config, String sinful, long now) {
        this.config = config;
        this.sinful = sinful;
        this.now = now;
    }

    ClassAd schedd() {
        return common("Scheduler", config.scheddName())
                .set("ScheddIpAddr", sinful)
                .set("TotalRunningJobs", 0).set("TotalIdleJobs", 0).set("TotalHeldJobs", 0)
                .set("TotalRemovedJobs", 0).set("TotalJobAds", 0).set("TotalFlockedJobs", 0)
                .set("TotalLocalJobsIdle", 0).set("TotalLocalJobsRunning", 0)
                .set("TotalSchedulerJobsIdle", 0).set("TotalSchedulerJobsRunning", 0)
                .set("NumUsers", 0).set("NumOwners", 0)
                .build();
    }

    ClassAd collector() {
        return common("Collector", config.collectorName())
                .set("CollectorIpAddr", sinful)
                .set("RunningJobs", 0).set("IdleJobs", 0)
                .set("HostsTotal", 0).set("HostsClaimed", 0).set("HostsUnclaimed", 0).set("HostsOwner", 0)
                .set("MachineAds", 0).set("SubmitterAds", 0)
                .build();
    }

    private ClassAd.Builder common(String myType, String name) {
        return ClassAd.builder()
                .set("MyType", myType)
                .set("Name", name)
                .set("Machine", config.hostName())
                .set("MyAddress", sinful)
                .set("CondorVersion", JcedarVersion.REMOTE_VERSION)
                .set("CondorPlatform", AddressFile.PLATFORM)
                .set("DaemonStartTime", now)
                .set("DaemonLastReconfigTime", now)
                .set("MyCurrentTime", now)
                .set("LastHeardFrom", now);
    }
}
