import Taro from '@tarojs/taro'
import gcoord from 'gcoord'

/** Where the phone is, in the coordinates China's maps and WeChat use (GCJ-02), as shops are stored. */
export interface Here {
  latitude: number
  longitude: number
}

/**
 * The phone's position in GCJ-02. WeChat gives GCJ-02 itself. A browser gives only GPS (WGS-84)
 * coordinates (Taro's H5 getLocation refuses any other type), a few hundred metres off on China's
 * maps, so they are converted here and distances to shops come out right.
 */
export async function whereAmI(): Promise<Here> {
  if (process.env.TARO_ENV !== 'h5') {
    const at = await Taro.getLocation({ type: 'gcj02' })
    return { latitude: at.latitude, longitude: at.longitude }
  }
  const gps = await Taro.getLocation({ type: 'wgs84' })
  const [longitude, latitude] = gcoord.transform<[number, number]>([gps.longitude, gps.latitude], gcoord.WGS84, gcoord.GCJ02)
  return { latitude, longitude }
}
