package org.jcedar.command;

/** HTCondor command numbers jcedar sends or serves (10 §7; SCHED_VERS = 400, DC_BASE = 60000). */
public final class CommandNumbers {
    public static final int UPDATE_STARTD_AD = 0;
    public static final int UPDATE_SCHEDD_AD = 1;
    public static final int UPDATE_MASTER_AD = 2;
    public static final int QUERY_STARTD_ADS = 5;
    public static final int QUERY_SCHEDD_ADS = 6;
    public static final int QUERY_MASTER_ADS = 7;
    public static final int UPDATE_SUBMITTOR_AD = 11;
    public static final int QUERY_SUBMITTOR_ADS = 12;
    public static final int INVALIDATE_STARTD_ADS = 13;
    public static final int INVALIDATE_SCHEDD_ADS = 14;
    public static final int INVALIDATE_MASTER_ADS = 15;
    public static final int INVALIDATE_SUBMITTOR_ADS = 18;
    public static final int UPDATE_COLLECTOR_AD = 19;
    public static final int QUERY_COLLECTOR_ADS = 20;
    public static final int INVALIDATE_COLLECTOR_ADS = 21;
    public static final int QUERY_ANY_ADS = 48;
    public static final int QUERY_NEGOTIATOR_ADS = 50;
    public static final int QUERY_HAD_ADS = 56;
    public static final int UPDATE_AD_GENERIC = 58;
    public static final int INVALIDATE_ADS_GENERIC = 59;
    public static final int UPDATE_STARTD_AD_WITH_ACK = 60;
    public static final int QUERY_GENERIC_ADS = 74;
    public static final int SHARED_PORT_CONNECT = 75;
    public static final int IMPERSONATION_TOKEN_REQUEST = 81;
    public static final int DC_CONFIG_VAL = 60007;
    public static final int DC_AUTHENTICATE = 60010;
    public static final int DC_NOP = 60011;
    public static final int DC_NOP_READ = 60020;
    public static final int DC_NOP_WRITE = 60021;
    public static final int DC_NOP_NEGOTIATOR = 60022;
    public static final int DC_NOP_ADMINISTRATOR = 60023;
    public static final int DC_NOP_OWNER = 60024;
    public static final int DC_NOP_CONFIG = 60025;
    public static final int DC_NOP_DAEMON = 60026;
    public static final int DC_NOP_ADVERTISE_STARTD = 60027;
    public static final int DC_NOP_ADVERTISE_SCHEDD = 60028;
    public static final int DC_NOP_ADVERTISE_MASTER = 60029;
    public static final int DC_SEC_QUERY = 60040;
    public static final int DC_GET_SESSION_TOKEN = 60046;
    public static final int DC_START_TOKEN_REQUEST = 60047;
    public static final int DC_FINISH_TOKEN_REQUEST = 60048;
    public static final int DC_LIST_TOKEN_REQUEST = 60049;
    public static final int DC_APPROVE_TOKEN_REQUEST = 60050;
    public static final int DC_AUTO_APPROVE_TOKEN_REQUEST = 60051;

    private CommandNumbers() {
    }
}
