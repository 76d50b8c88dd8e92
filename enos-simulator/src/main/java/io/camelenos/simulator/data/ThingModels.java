package io.camelenos.simulator.data;

import java.util.List;

/** The thing models of the emulated renewable fleet: wind farms and solar sites with their devices. */
public final class ThingModels {

    public static final ThingModel WIND_FARM = new ThingModel("EnOS_Wind_Farm", "Wind Farm", "风电场", true,
            List.of(new AttributeDef("capacity", "Capacity", "DOUBLE", true, "MW"),
                    new AttributeDef("latitude", "Latitude", "DOUBLE", false, null),
                    new AttributeDef("longitude", "Longitude", "DOUBLE", false, null),
                    new AttributeDef("operator", "Operator", "STRING", false, null)),
            List.of(new PointDef("WF.TotalActivePower", "Total active power", "AI", "DOUBLE", "kW", 300, true),
                    new PointDef("WF.WindSpeed", "Average wind speed", "AI", "DOUBLE", "m/s", 300, true)),
            List.of(), List.of());

    public static final ThingModel SOLAR_SITE = new ThingModel("EnOS_Solar_Site", "Solar Site", "光伏电站", true,
            WIND_FARM.attributes(),
            List.of(new PointDef("PV.TotalActivePower", "Total active power", "AI", "DOUBLE", "kW", 300, true),
                    new PointDef("PV.Irradiance", "Irradiance", "AI", "DOUBLE", "W/m2", 300, true)),
            List.of(), List.of());

    public static final ThingModel WIND_TURBINE = new ThingModel("EnOS_Wind_Turbine", "Wind Turbine", "风机", false,
            List.of(new AttributeDef("ratedPower", "Rated power", "DOUBLE", true, "kW"),
                    new AttributeDef("hubHeight", "Hub height", "DOUBLE", false, "m"),
                    new AttributeDef("manufacturer", "Manufacturer", "STRING", false, null)),
            List.of(new PointDef("WTG.GenActivePW", "Active power", "AI", "DOUBLE", "kW", 60, true),
                    new PointDef("WTG.WindSpeed", "Wind speed", "AI", "DOUBLE", "m/s", 60, true),
                    new PointDef("WTG.RotorSpeed", "Rotor speed", "AI", "DOUBLE", "rpm", 60, false),
                    new PointDef("WTG.Status", "Operating state", "DI", "INT", null, 300, false),
                    new PointDef("WTG.TotalEnergy", "Total energy", "PI", "DOUBLE", "kWh", 600, false)),
            List.of("restart", "setPowerLimit"), List.of("overTemperature"));

    public static final ThingModel INVERTER = new ThingModel("EnOS_Solar_Inverter", "Inverter", "逆变器", false,
            List.of(new AttributeDef("ratedPower", "Rated power", "DOUBLE", true, "kW"),
                    new AttributeDef("manufacturer", "Manufacturer", "STRING", false, null)),
            List.of(new PointDef("INV.GenActivePW", "Active power", "AI", "DOUBLE", "kW", 60, true),
                    new PointDef("INV.DCVoltage", "DC voltage", "AI", "DOUBLE", "V", 60, true),
                    new PointDef("INV.Temperature", "Temperature", "AI", "DOUBLE", "Cel", 300, false),
                    new PointDef("INV.Status", "Operating state", "DI", "INT", null, 300, false),
                    new PointDef("INV.TotalEnergy", "Total energy", "PI", "DOUBLE", "kWh", 600, false)),
            List.of("restart"), List.of("gridFault"));

    public static final ThingModel METER = new ThingModel("EnOS_Meter", "Meter", "电表", false,
            List.of(new AttributeDef("ctRatio", "CT ratio", "INT", false, null)),
            List.of(new PointDef("METER.ActivePower", "Active power", "AI", "DOUBLE", "kW", 60, true),
                    new PointDef("METER.Frequency", "Grid frequency", "AI", "DOUBLE", "Hz", 60, false),
                    new PointDef("METER.TotalEnergy", "Total energy", "PI", "DOUBLE", "kWh", 900, false)),
            List.of(), List.of());

    public static final List<ThingModel> ALL = List.of(WIND_FARM, SOLAR_SITE, WIND_TURBINE, INVERTER, METER);

    private ThingModels() {
    }

    public static ThingModel byId(String modelId) {
        return ALL.stream().filter(m -> m.modelId().equals(modelId)).findFirst().orElse(null);
    }
}
