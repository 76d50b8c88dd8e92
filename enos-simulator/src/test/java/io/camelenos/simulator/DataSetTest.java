package io.camelenos.simulator;

import io.camelenos.simulator.data.DataSet;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSetTest {

    @Test
    void theSameSeedGivesTheSameFleet() {
        DataSet a = new DataSet(11, 300, "o1");
        DataSet b = new DataSet(11, 300, "o1");

        for (int i = 0; i < 300; i += 17) {
            assertEquals(a.generateAsset(i), b.generateAsset(i));
        }
        assertNotEquals(a.assetId(5), new DataSet(12, 300, "o1").assetId(5));
    }

    @Test
    void assetIdsAreUniqueAndDecodeBackToTheirIndex() {
        DataSet set = new DataSet(3, 1_000_000, "o1");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i += 997) {
            String id = set.assetId(i);
            assertEquals(10, id.length());
            assertTrue(seen.add(id));
            assertEquals(i, set.indexOf(id));
        }
        assertEquals(-1, set.indexOf("not-an-id"));
        assertEquals(-1, new DataSet(3, 10, "o1").indexOf(set.assetId(999_999)));
    }

    @Test
    void theOrgHoldsExactlyTheAssetsAskedFor() {
        DataSet set = new DataSet(1, 137, "o1");
        int[] count = {0};

        set.assets().forEach(a -> count[0]++);

        assertEquals(137, count[0]);
        assertEquals(137, set.assets().size());
    }

    @Test
    void eachBlockIsASiteWithDevicesAndAMeterLast() {
        DataSet set = new DataSet(1, 60, "o1");

        assertEquals("EnOS_Wind_Farm", set.modelOf(0).modelId());
        assertEquals("EnOS_Wind_Turbine", set.modelOf(1).modelId());
        assertEquals("EnOS_Meter", set.modelOf(24).modelId());
        assertEquals("EnOS_Solar_Site", set.modelOf(25).modelId());
        assertEquals("EnOS_Solar_Inverter", set.modelOf(26).modelId());
        assertEquals("EnOS_Meter", set.modelOf(59).modelId());
        assertEquals(24, set.deviceIndexesOf(0).length);
        assertEquals(set.timezoneOf(0), set.timezoneOf(13));
        assertTrue(set.generateAsset(3).has("productKey"));
    }
}
