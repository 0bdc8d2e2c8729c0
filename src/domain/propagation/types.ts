/** Position (km) and velocity (km/s) in one frame, named by the caller. */
export interface StateVector {
  rKm: [number, number, number];
  vKmS: [number, number, number];
}
