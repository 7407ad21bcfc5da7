import { Type, type Static } from 'typebox'
import { IsoDateTime } from './common.js'

export const ReservationSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  confirmationNumber: Type.String(),
  guestId: Type.String({ description: 'The guest profile (gst_…): the unified-messaging userProfileId.' }),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  arrival: Type.String(),
  departure: Type.String(),
  room: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Reservation = Static<typeof ReservationSchema>
