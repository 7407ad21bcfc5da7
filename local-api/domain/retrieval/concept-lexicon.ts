/**
 * The hotel-domain concept lexicon shipped with the product: what guests ask about, and the words and
 * short phrases they use for it in English, German, French, Italian and Spanish. A question and a
 * knowledge entry that name the same concept match whatever words and language each uses.
 *
 * Terms are comma-separated; each is read like a guest's text (tokenised, folded, stemmed in its
 * language), and a phrase matches the same words in a question with articles and possessives ignored.
 * A term starting with "=" matches its spelling only (no stemming: "=charging" must not catch
 * "charges"); one starting with "!" only in a text of its own language (French "chat" is a cat, English
 * "chat" is not).
 *
 * Kinds: a topic is what a question is about; a modifier narrows it (early, late, free, nearby,
 * children); a generic concept (time, price, room, day, reservation) is part of many questions and
 * says little about which answer fits.
 */
import type { Language } from './languages.js'

export type ConceptKind = 'topic' | 'modifier' | 'generic'

export interface ConceptDefinition {
  id: string
  kind: ConceptKind
  terms: Record<Language, string>
  /**
   * Concepts that are a part of this one: named together, the question is about this one
   * (a car wash is no parking question, the water of the pool is the pool).
   */
  includes?: readonly string[]
  /** A means of travel: the guest's own ("our flight", "unser Zug") is their plan, not what they ask about. */
  journey?: boolean
}

/** Concepts that, named together, name another: a bed for a baby is a cot. */
export const COMBINATIONS: readonly { concepts: readonly string[]; names: string }[] = [{ concepts: ['baby', 'sleep'], names: 'baby_cot' }]

export const CONCEPTS: readonly ConceptDefinition[] = [
  {
    id: 'check_in',
    kind: 'topic',
    terms: {
      en: 'check in, check-in, checkin, check into, checking in, arrival, arrive, arriving, get into the room, get in the room, get into the rooms, access the room, room ready, rooms ready, move into the room, earliest arrival, get the room',
      de: 'einchecken, check-in, checkin, check in, anreise, anreisen, anreisetag, ankunft, ankommen, zimmer beziehen, bezugsfertig, zimmer fertig, ins zimmer, aufs zimmer, zimmerbezug',
      fr: "arrivée, arriver, arrivons, enregistrement, enregistrer, check-in, checkin, accès à la chambre, accéder à la chambre, chambre prête, chambres prêtes, entrer dans la chambre, prendre la chambre, prendre possession de la chambre, récupérer la chambre, s'installer dans la chambre",
      it: 'arrivo, arrivare, arriviamo, check-in, checkin, registrazione, entrare in camera, entrare nella camera, accedere alla camera, camera pronta, camere pronte, prendere possesso della camera, consegna delle camere, consegna della camera',
      es: 'llegada, llegar, llegamos, registro de entrada, hacer el check-in, check-in, checkin, entrar en la habitación, entrar a la habitación, habitación lista, hora de entrada, acceder a la habitación, registrarse, registrarnos',
    },
  },
  {
    id: 'check_out',
    kind: 'topic',
    terms: {
      en: 'check out, check-out, checkout, checking out, departure, depart, leave the room, leave the hotel, vacate the room, vacate, out of the room, out of our room, keep the room, keep the room until, have to leave, need to leave, must leave, have to be out, need to be out, must be out, be out by',
      de: 'auschecken, check-out, checkout, check out, abreise, abreisen, abreisetag, zimmer räumen, zimmer verlassen, zimmer freigeben, zimmer frei machen, =raumen, raus müssen, müssen wir raus, zimmer behalten',
      fr: "départ, check-out, checkout, quitter la chambre, libérer la chambre, quitter l'hôtel, rendre la chambre, rendre les clés, libérer, =partir, garder la chambre, garder la chambre jusqu'à",
      it: "partenza, check-out, checkout, lasciare la camera, liberare la camera, rilasciare la camera, lasciare l'hotel, liberare, =partire, tenere la camera, tenere la camera fino",
      es: 'salida, hora de salida, check-out, checkout, dejar la habitación, desalojar la habitación, abandonar la habitación, dejar el hotel, desalojar, quedarnos la habitación, quedarnos con la habitación, quedarnos la habitación hasta, quedarnos con la habitación hasta',
    },
  },
  {
    id: 'early',
    kind: 'modifier',
    terms: {
      en: 'early, earlier, sooner',
      de: 'früh, früher, frühzeitig, frühe, vorzeitig',
      fr: 'tôt, plus tôt, en avance, anticipé, anticipée, de bonne heure',
      it: 'presto, in anticipo, anticipato, anticipata, più presto',
      es: 'temprano, anticipado, anticipada, más pronto, antes de hora, con antelación',
    },
  },
  {
    id: 'late',
    kind: 'modifier',
    terms: {
      en: 'late, later, latest, last minute, last-minute, short notice, keep the room until',
      de: 'spät, später, spätere, späteren, länger, kurzfristig, kurzfristige, kurzfristigen',
      fr: "tard, plus tard, tardif, tardive, tardivement, dernière minute, dernier moment, garder la chambre jusqu'à",
      it: 'tardi, più tardi, posticipato, posticipata, tardivo, tardiva, ultimo momento, ultimo minuto, tenere la camera fino',
      es: 'tarde, más tarde, tardío, tardía, última hora, último momento, quedarnos la habitación hasta, quedarnos con la habitación hasta',
    },
  },
  {
    id: 'parking',
    kind: 'topic',
    terms: {
      en: '!car, cars, park, parking, parked, garage, car park, parking lot, parking space, parking spot, valet, vehicle, motorbike, motorcycle, underground parking, underground car park, van',
      de: 'auto, autos, pkw, wagen, parken, parkplatz, parkplätze, parkhaus, tiefgarage, garage, stellplatz, parkmöglichkeit, parkmöglichkeiten, motorrad, fahrzeug',
      fr: 'voiture, voitures, véhicule, parking, stationnement, garer, se garer, stationner, garage, place de parking, parking souterrain, moto',
      it: 'macchina, auto, automobile, parcheggio, parcheggi, parcheggiare, garage, autorimessa, posto auto, vettura, moto',
      es: 'coche, coches, carro, auto, vehículo, aparcamiento, aparcar, estacionar, estacionamiento, parking, garaje, plaza de aparcamiento, parqueadero, moto',
    },
  },
  {
    id: 'ev_charging',
    kind: 'topic',
    terms: {
      en: '=charging, =charger, =chargers, charging station, charging point, ev, electric car, electric cars, electric vehicle, tesla, wallbox, charge my car, charge the car, charge car, charge an electric car, charge my tesla, charge tesla, charge my ev, charge ev, supercharger, plug in my car, plug in my tesla, plug in my ev, plug in my electric car, plug in the car, electric, kwh',
      de: 'ladestation, ladestationen, ladesäule, ladesäulen, ladepunkt, elektroauto, e-auto, elektrofahrzeug, wallbox, aufladen, auto laden, auto aufladen, stromtankstelle, tesla, ladegerät für auto, laden, elektrisch, kwh, strom tanken',
      fr: 'borne de recharge, bornes de recharge, borne électrique, recharge, recharger, recharger ma voiture, voiture électrique, véhicule électrique, prise pour voiture, tesla, chargeur, wallbox, brancher la voiture, brancher ma voiture, électrique, kwh',
      it: 'colonnina, colonnine, colonnina di ricarica, ricarica, ricaricare, auto elettrica, macchina elettrica, veicolo elettrico, wallbox, tesla, caricare la macchina, caricare auto, elettrica, elettrico, kwh',
      es: 'cargador, cargadores, punto de carga, estación de carga, cargar el coche, coche eléctrico, vehículo eléctrico, recarga, recargar, tesla, enchufe para coche, cargar coche, cargar, cargarlo, eléctrico, eléctrica, kwh',
    },
  },
  {
    id: 'car_wash',
    kind: 'topic',
    includes: ['parking'],
    terms: {
      en: 'car wash, carwash, wash the car, wash my car, car cleaning, car valeting',
      de: 'autowäsche, waschanlage, waschstraße, autowaschanlage, auto waschen, wagen waschen, autowaschstraße',
      fr: 'lavage auto, lavage de voiture, laver la voiture, station de lavage, laver ma voiture, lavage de la voiture',
      it: "autolavaggio, lavaggio auto, lavare la macchina, lavare l'auto, lavaggio della macchina, lavare auto",
      es: 'lavado de coches, lavadero, lavar el coche, autolavado, túnel de lavado, lavacoches, lavado de coche',
    },
  },
  {
    id: 'car_rental',
    kind: 'topic',
    terms: {
      en: 'car rental, rent a car, rental car, hire car, car hire, rent car',
      de: 'mietwagen, autovermietung, auto mieten, leihwagen',
      fr: 'location de voiture, louer une voiture, voiture de location, location voiture',
      it: "noleggio auto, autonoleggio, noleggiare un'auto, auto a noleggio, noleggiare una macchina",
      es: 'alquiler de coches, alquilar un coche, coche de alquiler, rent a car, alquiler de coche',
    },
  },
  {
    id: 'wifi',
    kind: 'topic',
    terms: {
      en: 'wifi, wi-fi, wlan, wireless, internet, password, network, get online, go online, hotspot, internet connection, wifi code',
      de: 'wlan, wifi, w-lan, wi-fi, internet, passwort, kennwort, netzwerk, internetzugang, zugangsdaten, wlan-passwort',
      fr: 'wifi, wi-fi, internet, mot de passe, réseau, connexion internet, code wifi, connexion wifi',
      it: 'wifi, wi-fi, internet, password, rete, connessione, connessione internet, rete wifi',
      es: 'wifi, wi-fi, internet, contraseña, clave, clave del wifi, red wifi, red inalámbrica, conexión, conexión a internet',
    },
  },
  {
    id: 'breakfast',
    kind: 'topic',
    terms: {
      en: 'breakfast, breakfasts, brunch, morning meal, breakfast buffet, eat in the morning',
      de: 'frühstück, frühstücken, frühstücksbuffet, frühstücksraum, frühstückszeit, frühstückszeiten, morgens essen',
      fr: "petit-déjeuner, petit déjeuner, petits-déjeuners, petit dej, p'tit déj, ptit dej, manger le matin",
      it: 'colazione, colazioni, prima colazione, fare colazione, mangiare la mattina, mangiare al mattino',
      es: 'desayuno, desayunos, desayunar, comer por la mañana',
    },
  },
  {
    id: 'restaurant',
    kind: 'topic',
    terms: {
      en: 'restaurant, restaurants, dinner, lunch, eat, eating, food, meal, meals, menu, dining, supper, half board, full board',
      de: 'restaurant, restaurants, abendessen, mittagessen, essen, speisekarte, speisen, halbpension, vollpension, abendbrot, menü',
      fr: 'restaurant, restaurants, dîner, déjeuner, manger, repas, menu, carte du restaurant, demi-pension, pension complète, cuisine du restaurant',
      it: 'ristorante, ristoranti, cena, pranzo, mangiare, cibo, pasto, pasti, menù, menu, mezza pensione, pensione completa, cenare, pranzare',
      es: 'restaurante, restaurantes, cena, cenar, almuerzo, almorzar, comida, comer, menú, carta, media pensión, pensión completa',
    },
  },
  {
    id: 'room_service',
    kind: 'topic',
    includes: ['breakfast', 'restaurant'],
    terms: {
      en: 'room service, in-room dining, food to the room, food to my room, deliver to the room, order to the room, bring food to the room, eat in the room, food delivered to the room, breakfast in the room, breakfast in bed, brought to the room, brought up to the room, bring up to the room',
      de: 'zimmerservice, roomservice, room service, etagenservice, aufs zimmer bringen, ins zimmer bringen, aufs zimmer liefern, essen aufs zimmer, aufs zimmer bestellen, essen im zimmer, frühstück aufs zimmer, frühstück im zimmer',
      fr: 'service en chambre, room service, servir en chambre, repas en chambre, livrer en chambre, manger dans la chambre, plateau repas, service dans la chambre, petit-déjeuner en chambre, petit-déjeuner dans la chambre',
      it: 'servizio in camera, room service, servizio camera, mangiare in camera, cena in camera, portare in camera, servizio nelle camere, colazione in camera',
      es: 'servicio de habitaciones, room service, servicio a la habitación, comer en la habitación, cena en la habitación, llevar a la habitación, servicio en la habitación, desayuno en la habitación',
    },
  },
  {
    id: 'bar',
    kind: 'topic',
    terms: {
      en: 'bar, drinks, drink, cocktail, cocktails, beer, wine, lounge, pub, happy hour, hotel bar, soft drinks, lobby bar',
      de: 'bar, drinks, getränke, cocktail, cocktails, bier, wein, lounge, hotelbar, was trinken, softdrinks, erfrischungsgetränke',
      fr: 'bar, boissons, boisson, cocktail, cocktails, bière, vin, apéritif, apéro, boire un verre, sodas, boissons fraîches',
      it: 'bar, bevande, bevanda, drink, cocktail, birra, vino, aperitivo, bere qualcosa, bibite',
      es: 'bar, bebidas, bebida, copas, copa, cóctel, cócteles, cerveza, vino, aperitivo, tomar algo, tomar una copa, refrescos',
    },
  },
  {
    id: 'pool',
    kind: 'topic',
    includes: ['water'],
    terms: {
      en: 'pool, pools, swimming pool, swim, swimming, indoor pool, outdoor pool',
      de: 'pool, schwimmbad, swimmingpool, hallenbad, freibad, schwimmen, becken, außenpool, innenpool, schwimmbecken',
      fr: 'piscine, piscines, nager, baignade, se baigner, piscine couverte, piscine extérieure',
      it: 'piscina, piscine, nuotare, nuoto, fare il bagno in piscina, piscina coperta, piscina esterna',
      es: 'piscina, piscinas, nadar, alberca, pileta, piscina cubierta, piscina climatizada',
    },
  },
  {
    id: 'spa',
    kind: 'topic',
    terms: {
      en: 'spa, sauna, saunas, massage, massages, wellness, steam room, steam bath, hammam, jacuzzi, hot tub, whirlpool, treatment, treatments, beauty',
      de: 'spa, sauna, saunen, massage, massagen, wellness, dampfbad, wellnessbereich, whirlpool, hammam, behandlung, behandlungen, kosmetik, jacuzzi',
      fr: 'spa, sauna, massage, massages, bien-être, hammam, jacuzzi, soins, soin, bain à remous, espace bien-être',
      it: 'spa, sauna, massaggio, massaggi, benessere, centro benessere, bagno turco, idromassaggio, trattamenti, trattamento, jacuzzi',
      es: 'spa, sauna, masaje, masajes, bienestar, baño turco, jacuzzi, hidromasaje, tratamientos, tratamiento, circuito de aguas',
    },
  },
  {
    id: 'gym',
    kind: 'topic',
    terms: {
      en: 'gym, fitness, fitness center, fitness centre, fitness room, workout, work out, exercise, treadmill, weights',
      de: 'fitness, fitnessraum, fitnessstudio, fitnesscenter, gym, trainieren, training, sportraum, fitnessbereich',
      fr: "salle de sport, salle de fitness, fitness, gym, musculation, salle de gym, s'entraîner, entraîner",
      it: 'palestra, fitness, allenarsi, allenamento, sala fitness, attrezzi, gym',
      es: 'gimnasio, gym, fitness, entrenar, sala de fitness, hacer ejercicio, ejercicio',
    },
  },
  {
    id: 'pets',
    kind: 'topic',
    terms: {
      en: 'pet, pets, dog, dogs, cat, cats, animal, animals, puppy, pet friendly',
      de: 'haustier, haustiere, hund, hunde, hundes, katze, katzen, !tier, tiere, hündin, welpe, hundebett',
      fr: 'animal, animaux, chien, chiens, !chat, !chats, animaux de compagnie, animal de compagnie, chiot, chienne',
      it: 'animale, animali, !cane, cani, gatto, gatti, animali domestici, cagnolino, cagnolina, animale domestico',
      es: 'mascota, mascotas, perro, perros, gato, gatos, animal, animales, perrito',
    },
  },
  {
    id: 'luggage',
    kind: 'topic',
    terms: {
      en: 'luggage, baggage, bags, bag, suitcase, suitcases, luggage storage, store luggage, left luggage, cloakroom, store our bags',
      de: 'gepäck, koffer, gepäckaufbewahrung, taschen, tasche, gepäckraum, reisegepäck, gepäckstücke',
      fr: 'bagages, bagage, valise, valises, consigne, consigne à bagages, sacs, bagagerie',
      it: 'bagagli, bagaglio, valigia, valigie, deposito bagagli, borse, borsa',
      es: 'equipaje, equipajes, maletas, maleta, consigna, guardaequipajes, bolsas, bolsa',
    },
  },
  {
    id: 'airport',
    kind: 'topic',
    journey: true,
    terms: {
      en: 'airport, flight, flights, plane, terminal, land, landing',
      de: 'flughafen, flug, flugzeug, terminal, landen, landung',
      fr: 'aéroport, vol, avion, terminal, atterrir, atterrissage',
      it: 'aeroporto, volo, aereo, terminal, atterrare, atterriamo',
      es: 'aeropuerto, vuelo, avión, terminal, aterrizar, aterrizamos, aterriza',
    },
  },
  {
    id: 'shuttle',
    kind: 'topic',
    terms: {
      en: 'shuttle, transfer, transfers, pick up, pickup, pick us up, shuttle bus, shuttle service, collect us',
      de: 'shuttle, transfer, abholen, abholung, abholservice, shuttlebus, transferservice, shuttleservice',
      fr: 'navette, transfert, transferts, venir nous chercher, venir me chercher, service de navette',
      it: 'navetta, transfer, trasferimento, venire a prendere, venirci a prendere, servizio navetta, prenderci, prendermi, a prenderci',
      es: 'traslado, traslados, transfer, lanzadera, shuttle, recoger, recogida, recogernos, servicio de traslado',
    },
  },
  {
    id: 'taxi',
    kind: 'topic',
    terms: {
      en: 'taxi, taxis, cab, cabs, uber, call a taxi',
      de: 'taxi, taxis, taxistand, taxiruf',
      fr: 'taxi, taxis, uber, vtc',
      it: 'taxi, uber, tassì',
      es: 'taxi, taxis, uber, cabify',
    },
  },
  {
    id: 'public_transport',
    kind: 'topic',
    journey: true,
    terms: {
      en: 'bus, buses, train, trains, subway, tram, public transport, station, train station, railway, tube, bus stop, =metro, without a car',
      de: 'bus, busse, bahn, zug, züge, u-bahn, s-bahn, straßenbahn, öffentliche verkehrsmittel, öpnv, bahnhof, haltestelle, tram, hauptbahnhof, ohne auto',
      fr: 'bus, train, trains, tram, tramway, transports en commun, =gare, =gares, gare routière, arrêt de bus, rer, =metro, sans voiture',
      it: 'autobus, bus, treno, treni, metropolitana, tram, mezzi pubblici, stazione, fermata, trasporto pubblico, =metro, senza auto, senza macchina',
      es: 'autobús, bus, tren, trenes, tranvía, transporte público, estación, parada de autobús, =metro, sin coche, =parada, =paradas',
    },
  },
  {
    id: 'directions',
    kind: 'topic',
    terms: {
      en: 'address, location, directions, how to get to, how do i get to, how do we get to, how do i get to the hotel, get to the hotel, find the hotel, where is the hotel, where are you located, located, map, route, way to the hotel',
      de: 'adresse, anfahrt, lage, wegbeschreibung, wie komme ich zum hotel, wie komme ich zu ihnen, wie kommen wir zum hotel, wie kommen wir zu ihnen, route, standort, wo liegt das hotel, wo befindet sich das hotel, weg zum hotel, zum hotel',
      fr: "adresse, itinéraire, comment venir, comment aller, comment se rendre, comment arriver, accès à l'hôtel, situé, située, emplacement, localisation, plan d'accès, venir à l'hôtel",
      it: "indirizzo, come arrivare, come raggiungere, indicazioni, posizione, dove si trova, dove siete, mappa, percorso, raggiungere l'hotel, arrivare all'hotel",
      es: 'dirección, cómo llegar, ubicación, dónde está el hotel, dónde estáis, dónde se encuentra el hotel, indicaciones, mapa, ruta, localización, llegar al hotel',
    },
  },
  {
    id: 'payment',
    kind: 'topic',
    terms: {
      en: 'pay, paying, payment, payments, card, cards, credit card, debit card, cash, visa, mastercard, amex, american express, apple pay, google pay, paypal, payment methods, bank transfer',
      de: 'bezahlen, zahlen, zahlung, bezahlung, karte, kreditkarte, ec-karte, girocard, bar zahlen, bar bezahlen, barzahlung, bargeld, in bar, zahlungsmittel, zahlungsarten, überweisung, visa, mastercard, paypal',
      fr: 'payer, paiement, paiements, régler, règlement, carte, carte bancaire, carte de crédit, carte bleue, espèces, liquide, en liquide, chèque, cb, visa, mastercard, paypal, virement',
      it: 'pagare, pagamento, pagamenti, carta, carta di credito, carte di credito, contanti, contante, in contanti, pos, visa, mastercard, paypal, bonifico',
      es: 'pagar, pago, pagos, tarjeta, tarjetas, tarjeta de crédito, efectivo, en efectivo, datáfono, bizum, visa, mastercard, paypal, transferencia',
    },
  },
  {
    id: 'crypto',
    kind: 'topic',
    terms: {
      en: 'bitcoin, bitcoins, crypto, cryptocurrency, cryptocurrencies, btc, ethereum, usdt',
      de: 'bitcoin, bitcoins, krypto, kryptowährung, kryptowährungen, kryptogeld',
      fr: 'bitcoin, bitcoins, crypto, cryptomonnaie, cryptomonnaies, crypto-monnaie',
      it: 'bitcoin, cripto, criptovaluta, criptovalute',
      es: 'bitcoin, bitcoins, cripto, criptomoneda, criptomonedas',
    },
  },
  {
    id: 'atm',
    kind: 'topic',
    terms: {
      en: 'atm, cash machine, cashpoint, cash point, bank, withdraw money, exchange money, currency exchange, money exchange',
      de: 'geldautomat, bankautomat, bank, geld abheben, geldwechsel, wechselstube, bankomat',
      fr: "distributeur, distributeur de billets, dab, banque, retirer de l'argent, bureau de change, retirer des espèces",
      it: 'bancomat, sportello, banca, prelevare, cambio valuta, prelievo, sportello bancomat',
      es: 'cajero, cajero automático, banco, sacar dinero, cambio de moneda, casa de cambio',
    },
  },
  {
    id: 'invoice',
    kind: 'topic',
    terms: {
      en: 'invoice, receipt, bill, vat, company invoice, billing, invoices',
      de: 'rechnung, quittung, beleg, mwst, firmenrechnung, rechnungsadresse',
      fr: 'facture, reçu, tva, facturation, factures',
      it: 'fattura, ricevuta, iva, fatturazione, conto',
      es: 'factura, recibo, iva, facturación, facturas',
    },
  },
  {
    id: 'deposit',
    kind: 'topic',
    terms: {
      en: 'deposit, security deposit, pre-authorization, preauthorization, pre-authorisation, hold on my card, prepayment, advance payment, down payment, damage deposit',
      de: 'kaution, anzahlung, vorauszahlung, vorautorisierung, sicherheitsleistung, hinterlegung',
      fr: 'caution, acompte, dépôt de garantie, arrhes, préautorisation, pré-autorisation, prépaiement, empreinte bancaire',
      it: 'cauzione, deposito cauzionale, caparra, acconto, preautorizzazione, deposito, pagamento anticipato',
      es: 'depósito, fianza, señal, anticipo, prepago, preautorización, pago por adelantado',
    },
  },
  {
    id: 'cancellation',
    kind: 'topic',
    terms: {
      en: 'cancel, cancellation, cancelling, canceling, cancellation policy, free cancellation, cancelled',
      de: 'stornieren, stornierung, storno, absagen, stornogebühr, stornobedingungen, rücktritt, stornieren',
      fr: "annuler, annulation, conditions d'annulation, frais d'annulation, annulé",
      it: 'cancellare, cancellazione, disdire, disdetta, annullare, annullamento, cancellazione gratuita, disdico, annullo',
      es: 'cancelar, cancelación, anular, anulación, cancelación gratuita',
    },
  },
  {
    id: 'booking_change',
    kind: 'topic',
    terms: {
      en: 'change my booking, change the booking, change booking, change reservation, change my reservation, change the dates, change dates, modify booking, modify reservation, extend, extend my stay, extension, extra night, another night, one more night, stay longer',
      de: 'umbuchen, umbuchung, buchung ändern, reservierung ändern, datum ändern, verlängern, verlängerung, eine nacht länger, zusätzliche nacht, weitere nacht',
      fr: 'modifier ma réservation, modifier la réservation, changer ma réservation, changer les dates, changer la date, prolonger, prolongation, nuit supplémentaire, une nuit de plus',
      it: 'modificare la prenotazione, cambiare la prenotazione, cambiare le date, cambiare data, prolungare, prolungamento, notte in più, notte extra, notte aggiuntiva',
      es: 'modificar la reserva, cambiar la reserva, cambiar las fechas, cambiar fecha, cambio de fechas, prolongar, extender la estancia, alargar, noche extra, noche adicional, una noche más',
    },
  },
  {
    id: 'reservation',
    kind: 'generic',
    terms: {
      en: 'reservation, reservations, booking, bookings, book, reserve, booked',
      de: 'buchung, buchungen, reservierung, buchen, reservieren, gebucht',
      fr: 'réservation, réservations, réserver, réservé',
      it: 'prenotazione, prenotazioni, prenotare, prenotato',
      es: 'reserva, reservas, reservar, reservado, reservación',
    },
  },
  {
    id: 'city_tax',
    kind: 'topic',
    terms: {
      en: 'city tax, tourist tax, local tax, visitor tax, tax, taxes, resort fee',
      de: 'kurtaxe, city tax, citytax, ortstaxe, bettensteuer, übernachtungssteuer, tourismusabgabe, kurabgabe, gästetaxe, steuer',
      fr: 'taxe de séjour, taxe, taxes, taxe municipale, taxe touristique',
      it: 'tassa di soggiorno, imposta di soggiorno, tassa, tasse, tassa comunale',
      es: 'tasa turística, impuesto turístico, tasa, tasas, impuesto, impuestos',
    },
  },
  {
    id: 'smoking',
    kind: 'topic',
    terms: {
      en: 'smoke, smoking, smoker, smokers, cigarette, cigarettes, vape, vaping, e-cigarette, non-smoking',
      de: 'rauchen, raucher, nichtraucher, zigarette, zigaretten, raucherzimmer, dampfen, raucherbereich',
      fr: 'fumer, fumeur, fumeurs, non-fumeur, cigarette, cigarettes, vapoter',
      it: 'fumare, fumatori, fumatore, fumo, sigaretta, sigarette, non fumatori',
      es: 'fumar, fumadores, fumador, cigarrillo, cigarrillos, cigarro, tabaco, no fumadores',
    },
  },
  {
    id: 'accessibility',
    kind: 'topic',
    terms: {
      en: 'wheelchair, accessible, accessibility, disabled, disability, handicapped, step-free, reduced mobility, mobility, walker',
      de: 'rollstuhl, barrierefrei, barrierefreiheit, behindert, behinderung, rollstuhlgerecht, gehbehindert, stufenlos, rollator',
      fr: 'fauteuil roulant, accessible, accessibilité, handicapé, handicapée, handicap, mobilité réduite, pmr',
      it: 'sedia a rotelle, accessibile, accessibilità, disabili, disabile, disabilità, barriere architettoniche, mobilità ridotta, carrozzina, carrozzella',
      es: 'silla de ruedas, accesible, accesibilidad, discapacidad, discapacitado, movilidad reducida, minusválido',
    },
  },
  {
    id: 'baby_cot',
    kind: 'topic',
    terms: {
      en: 'cot, cots, crib, cribs, baby cot, baby bed, travel cot, high chair, highchair',
      de: 'babybett, kinderbett, gitterbett, reisebett, hochstuhl, babybettchen, kinderhochstuhl',
      fr: 'lit bébé, berceau, lit parapluie, lit pour bébé, chaise haute, lit enfant',
      it: 'culla, culle, lettino per bambini, lettino da campeggio, lettino per neonato, seggiolone, lettino per il bambino',
      es: 'cuna, cunas, cuna para bebé, trona, cuna de viaje',
    },
  },
  {
    id: 'extra_bed',
    kind: 'topic',
    terms: {
      en: 'extra bed, additional bed, rollaway, rollaway bed, sofa bed, sofabed, fold-out bed',
      de: 'zustellbett, extrabett, zusatzbett, schlafsofa, beistellbett, schlafcouch',
      fr: "lit supplémentaire, lit d'appoint, canapé-lit, canapé lit, lit en plus",
      it: 'letto aggiuntivo, letto supplementare, letto extra, divano letto, letto in più',
      es: 'cama supletoria, cama extra, cama adicional, sofá cama, supletoria',
    },
  },
  {
    id: 'bedding',
    kind: 'topic',
    terms: {
      en: 'pillow, pillows, blanket, blankets, duvet, sheets, bed linen, pillow menu, mattress',
      de: 'kissen, kopfkissen, decke, decken, bettdecke, bettwäsche, laken, matratze',
      fr: 'oreiller, oreillers, couverture, couvertures, couette, draps, linge de lit, matelas',
      it: 'cuscino, cuscini, coperta, coperte, lenzuola, piumone, materasso',
      es: 'almohada, almohadas, manta, mantas, sábanas, edredón, cobija, colchón',
    },
  },
  {
    id: 'children',
    kind: 'modifier',
    terms: {
      en: 'child, children, kid, kids, family, families, son, daughter, year old, years old',
      de: '!kind, kinder, familie, familien, sohn, tochter, jahre alt',
      fr: 'enfant, enfants, famille, familles, fils, fille',
      it: 'bambino, bambini, bambina, bimbo, bimbi, famiglia, famiglie, figli, figlio, figlia',
      es: 'niño, niños, niña, niñas, familia, familias, hijos, hijo, hija',
    },
  },
  {
    id: 'baby',
    kind: 'modifier',
    terms: {
      en: 'baby, babies, infant, infants, toddler, newborn, month old, months old',
      de: 'baby, babys, säugling, kleinkind, neugeborenes, monate alt, monate alte, monate alten',
      fr: 'bébé, bébés, nourrisson, nouveau-né',
      it: 'neonato, neonata, neonati, bebè, lattante',
      es: 'bebé, bebés, recién nacido, lactante',
    },
  },
  {
    id: 'babysitting',
    kind: 'topic',
    terms: {
      en: 'babysitter, babysitting, childcare, nanny, kids club, kids club, playground, play area',
      de: 'babysitter, kinderbetreuung, kinderclub, kinderspielplatz, spielplatz, spielzimmer',
      fr: "baby-sitter, babysitting, garde d'enfants, club enfants, mini-club, aire de jeux",
      it: 'babysitter, baby sitter, miniclub, mini club, animazione per bambini, parco giochi, area giochi',
      es: 'canguro, niñera, babysitter, club infantil, miniclub, cuidado de niños, parque infantil, zona de juegos',
    },
  },
  {
    id: 'minibar',
    kind: 'topic',
    includes: ['bar'],
    terms: {
      en: 'minibar, mini bar, mini-bar, fridge, refrigerator',
      de: 'minibar, kühlschrank',
      fr: 'minibar, mini-bar, frigo, réfrigérateur',
      it: 'minibar, frigobar, frigorifero, frigo',
      es: 'minibar, nevera, frigorífico, frigobar',
    },
  },
  {
    id: 'safe',
    kind: 'topic',
    terms: {
      en: 'safe, safety deposit box, safe box, in-room safe, deposit box, valuables, safely, keep safe',
      de: 'safe, tresor, zimmersafe, schließfach, wertsachen, sicher aufbewahren',
      fr: 'coffre, coffre-fort, coffre fort, objets de valeur, en lieu sûr, en sécurité',
      it: 'cassaforte, cassetta di sicurezza, oggetti di valore, valori, al sicuro, in sicurezza',
      es: 'caja fuerte, caja de seguridad, objetos de valor, a salvo, en un lugar seguro',
    },
  },
  {
    id: 'air_conditioning',
    kind: 'topic',
    terms: {
      en: 'air conditioning, air con, aircon, ac, a/c, air-conditioning, air conditioner, cooling, fan, air conditioned, cool, cool down, too hot, too warm',
      de: 'klimaanlage, klima, klimatisiert, ventilator, kühlung, kühlen, abkühlen, zu warm, zu heiß',
      fr: 'climatisation, clim, climatiseur, climatisé, climatisée, ventilateur, trop chaud, rafraîchir',
      it: 'aria condizionata, condizionatore, climatizzatore, climatizzata, climatizzato, ventilatore, clima, troppo caldo, raffreddare, rinfrescare',
      es: 'aire acondicionado, climatización, ventilador, climatizada, climatizado, aire, demasiado calor, mucho calor, enfriar',
    },
  },
  {
    id: 'heating',
    kind: 'topic',
    terms: {
      en: 'heating, heater, heat, radiator, radiators, too cold, freezing',
      de: 'heizung, heizen, heizkörper, heizlüfter, zu kalt, beheizt, beheizte, beheizten, geheizt',
      fr: 'chauffage, radiateur, chauffer, chauffé, trop froid, il fait froid, chauffée, chauffés',
      it: 'riscaldamento, termosifone, termosifoni, stufa, riscaldata, troppo freddo, freddissimo, fa freddo, riscaldato, riscaldati',
      es: 'calefacción, calefactor, radiador, calentar, mucho frío, demasiado frío, hace frío',
    },
  },
  {
    id: 'towels',
    kind: 'topic',
    terms: {
      en: 'towel, towels, bath towel, pool towel, beach towel',
      de: 'handtuch, handtücher, badetuch, badetücher, saunatuch',
      fr: 'serviette, serviettes, drap de bain',
      it: 'asciugamano, asciugamani, telo, teli, telo mare',
      es: 'toalla, toallas',
    },
  },
  {
    id: 'bathrobe',
    kind: 'topic',
    terms: {
      en: 'bathrobe, bathrobes, robe, slippers, dressing gown',
      de: 'bademantel, bademäntel, hausschuhe, badeschuhe, badelatschen',
      fr: 'peignoir, peignoirs, chaussons, pantoufles',
      it: 'accappatoio, accappatoi, ciabatte, ciabattine',
      es: 'albornoz, albornoces, zapatillas, pantuflas',
    },
  },
  {
    id: 'housekeeping',
    kind: 'topic',
    terms: {
      en: 'housekeeping, cleaning, clean, cleaned, maid, room cleaning, tidy, change the sheets, make up the room, turndown, turndown service',
      de: 'zimmerreinigung, reinigen, putzen, sauber machen, aufräumen, housekeeping, zimmermädchen, bettwäsche wechseln, sauber, gereinigt',
      fr: 'ménage, nettoyage, nettoyer, femme de chambre, faire la chambre, propreté, nettoyée, nettoyé, propre, propres',
      it: 'pulizia, pulizie, pulire, riassetto, rifare la camera, cameriera, servizio pulizia, pulita, pulito, puliti, pulite',
      es: 'limpieza, limpiar, limpio, limpia, camarera de piso, hacer la habitación, arreglar la habitación',
    },
  },
  {
    id: 'laundry',
    kind: 'topic',
    includes: ['housekeeping'],
    terms: {
      en: 'laundry, washing, wash my clothes, washing machine, dry cleaning, launderette, laundromat, clothes washed, tumble dryer, wash clothes, shirts, clothes, suit, suits, trousers, dress',
      de: 'wäsche, wäscherei, waschmaschine, reinigung, wäscheservice, chemische reinigung, kleidung waschen, trockner, waschsalon, wäsche waschen, kleidung, hemden, hemd, anzug',
      fr: 'laverie, blanchisserie, lessive, linge, machine à laver, lave-linge, pressing, nettoyage à sec, laver mes vêtements, sèche-linge, laver le linge, vêtements, chemise, chemises, costume',
      it: 'lavanderia, lavatrice, bucato, lavare i vestiti, lavasecco, asciugatrice, servizio lavanderia, vestiti, camicie, camicia',
      es: 'lavandería, lavadora, lavado de ropa, lavar la ropa, tintorería, secadora, ropa, camisas, camisa, traje',
    },
  },
  {
    id: 'ironing',
    kind: 'topic',
    terms: {
      en: 'iron, ironing, ironing board, steamer, clothes iron, pressed, pressing',
      de: 'bügeleisen, bügeln, bügelbrett, bügelservice',
      fr: 'fer à repasser, repasser, repassage, planche à repasser',
      it: 'ferro da stiro, stirare, stiratura, asse da stiro',
      es: 'plancha, planchar, tabla de planchar, planchado',
    },
  },
  {
    id: 'noise',
    kind: 'topic',
    terms: {
      en: 'noise, noisy, quiet, loud, quiet room, earplugs, soundproof, quiet hours, neighbours, neighbors, next door, party',
      de: 'lärm, laut, ruhig, ruhe, ruhiges zimmer, ohrstöpsel, nachtruhe, lärmend, geräusche, nachbarn, nachbar, party, feier',
      fr: "bruit, bruyant, bruyante, calme, silence, bouchons d'oreilles, chambre calme, insonorisé, insonorisée, voisins, voisin, fête",
      it: 'rumore, rumoroso, rumorosa, silenzio, tranquillo, tranquilla, tappi per le orecchie, silenziosa, silenzioso, vicini di camera, festa',
      es: 'ruido, ruidoso, ruidosa, tranquilo, tranquila, silencio, tapones, silenciosa, vecinos, vecino, fiesta',
    },
  },
  {
    id: 'bike',
    kind: 'topic',
    terms: {
      en: 'bike, bikes, bicycle, bicycles, cycling, e-bike, ebike, bike rental, cycle, e-bikes, electric bike, electric bikes',
      de: 'fahrrad, fahrräder, rad, räder, radfahren, e-bike, fahrradverleih, radverleih, velo, fahrradkeller, elektrofahrrad',
      fr: 'vélo, vélos, bicyclette, location de vélos, vtt, vae, vélo électrique, vélos électriques',
      it: 'bici, bicicletta, biciclette, noleggio bici, e-bike, mountain bike, bici elettrica, bici elettriche, biciclette elettriche',
      es: 'bici, bicis, bicicleta, bicicletas, alquiler de bicicletas, ciclismo, bici eléctrica, bicis eléctricas, bicicleta eléctrica, bicicletas eléctricas',
    },
  },
  {
    id: 'meeting_room',
    kind: 'topic',
    includes: ['room'],
    terms: {
      en: 'meeting room, conference room, meeting, meetings, conference, event space, business center, business centre, coworking, workspace, workshop, projector, beamer',
      de: 'tagungsraum, konferenzraum, besprechungsraum, meetingraum, tagung, konferenz, seminarraum, seminar, sitzung, meeting, besprechung, beamer, workshop',
      fr: 'salle de réunion, salle de conférence, réunion, séminaire, conférence, espace de travail, salle de séminaire, projecteur, vidéoprojecteur',
      it: 'sala riunioni, sala conferenze, riunione, conferenza, congresso, meeting, seminario, proiettore',
      es: 'sala de reuniones, sala de conferencias, reunión, conferencia, congreso, sala de eventos, seminario, proyector',
    },
  },
  {
    id: 'lost_found',
    kind: 'topic',
    includes: ['check_out'],
    terms: {
      en: 'lost, lost and found, forgot, forgotten, left behind, lost property, lost item, missing, misplaced, i left, we left, left in the room',
      de: 'verloren, vergessen, fundsachen, fundbüro, liegen lassen, liegengelassen, verlegt, fundsache',
      fr: 'perdu, perdue, oublié, oubliée, objets trouvés, objet perdu, objets perdus, ai laissé',
      it: 'perso, persa, dimenticato, dimenticata, oggetti smarriti, smarrito, smarrita, oggetti dimenticati, ho lasciato, ho dimenticato',
      es: 'perdido, perdida, olvidado, olvidada, objetos perdidos, olvidé, extraviado, me dejé, dejé, me olvidé',
    },
  },
  {
    id: 'doctor',
    kind: 'topic',
    terms: {
      en: 'doctor, physician, hospital, sick, ill, ambulance, emergency, first aid, clinic, fever, gp, unwell, not feeling well, feel sick',
      de: 'arzt, ärztin, krankenhaus, notarzt, krank, notfall, erste hilfe, klinik, fieber, hausarzt, unwohl, schmerzen',
      fr: 'médecin, docteur, hôpital, malade, urgence, urgences, clinique, fièvre, premiers secours, souffrant, douleur, douleurs',
      it: 'medico, dottore, ospedale, malato, malata, pronto soccorso, emergenza, clinica, febbre, guardia medica, sto male, dolore, dolori',
      es: 'médico, doctor, hospital, enfermo, enferma, urgencias, emergencia, clínica, fiebre, centro de salud, me encuentro mal, dolor, dolores',
    },
  },
  {
    id: 'pharmacy',
    kind: 'topic',
    terms: {
      en: 'pharmacy, chemist, drugstore, medicine, medication, painkiller, painkillers, aspirin, paracetamol, ibuprofen',
      de: 'apotheke, medikament, medikamente, schmerzmittel, tabletten, aspirin',
      fr: 'pharmacie, médicament, médicaments, doliprane, aspirine, paracétamol',
      it: 'farmacia, medicina, medicinali, medicinale, farmaco, farmaci, aspirina, tachipirina',
      es: 'farmacia, medicamento, medicamentos, medicina, aspirina, paracetamol, ibuprofeno',
    },
  },
  {
    id: 'hairdryer',
    kind: 'topic',
    terms: {
      en: 'hairdryer, hair dryer, hair-dryer, blow dryer, hairdrier',
      de: 'föhn, fön, haartrockner',
      fr: 'sèche-cheveux, seche cheveux, séchoir',
      it: 'asciugacapelli, phon, fon',
      es: 'secador, secador de pelo, secador de cabello',
    },
  },
  {
    id: 'toiletries',
    kind: 'topic',
    terms: {
      en: 'toiletries, shampoo, toothbrush, toothpaste, soap, shower gel, conditioner, razor, amenities, sewing kit, cotton pads',
      de: 'shampoo, zahnbürste, zahnpasta, seife, duschgel, pflegeprodukte, kosmetikartikel, rasierer, hygieneartikel, pflegeartikel',
      fr: 'produits de toilette, shampoing, shampooing, brosse à dents, dentifrice, savon, gel douche, rasoir, produits d’accueil',
      it: 'prodotti da bagno, shampoo, spazzolino, dentifricio, sapone, bagnoschiuma, rasoio, kit di cortesia, set di cortesia',
      es: 'artículos de aseo, champú, cepillo de dientes, pasta de dientes, jabón, gel de ducha, maquinilla, amenities',
    },
  },
  {
    id: 'coffee_tea',
    kind: 'topic',
    terms: {
      en: 'coffee, tea, kettle, coffee machine, nespresso, espresso, coffee maker, capsules, electric kettle',
      de: 'kaffee, tee, wasserkocher, kaffeemaschine, espresso, kapseln, kaffeekapseln',
      fr: 'café, thé, bouilloire, machine à café, nespresso, expresso, capsules',
      it: 'caffè, bollitore, macchina del caffè, macchinetta del caffè, tisana, nespresso, espresso, capsule',
      es: 'café, hervidor, cafetera, máquina de café, taza de té, infusión, infusiones, nespresso, cápsulas',
    },
  },
  {
    id: 'tv',
    kind: 'topic',
    terms: {
      en: 'tv, television, netflix, channels, smart tv, chromecast, streaming',
      de: 'fernseher, fernsehen, tv, fernsehsender, netflix, fernsehprogramm',
      fr: 'télé, télévision, tv, chaînes, netflix, téléviseur',
      it: 'tv, televisione, televisore, canali, netflix',
      es: 'tele, televisión, tv, canales, netflix, televisor',
    },
  },
  {
    id: 'elevator',
    kind: 'topic',
    terms: {
      en: 'elevator, elevators, lift, lifts, stairs',
      de: 'aufzug, fahrstuhl, lift, treppe, treppen',
      fr: 'ascenseur, ascenseurs, escalier, escaliers',
      it: 'ascensore, ascensori, !scale',
      es: 'ascensor, ascensores, escaleras, escalera',
    },
  },
  {
    id: 'key',
    kind: 'topic',
    terms: {
      en: 'key, keys, key card, keycard, room key, door code, locked out, access code, lock',
      de: 'schlüssel, schlüsselkarte, zimmerkarte, türcode, zugangscode, ausgesperrt, zimmerschlüssel',
      fr: "clé, clef, clés, clefs, carte d'accès, carte magnétique, badge, code de la porte, code d'accès",
      it: 'chiave, chiavi, tessera, badge, codice della porta, codice di accesso, chiave magnetica',
      es: 'llave, llaves, tarjeta de la habitación, tarjeta llave, código de acceso, código de la puerta',
    },
  },
  {
    id: 'reception',
    kind: 'topic',
    terms: {
      en: 'reception, front desk, frontdesk, concierge, lobby, night porter, reception desk',
      de: 'empfang, lobby, concierge, portier, nachtportier, rezeptionist',
      fr: 'réception, accueil, concierge, conciergerie, hall, veilleur de nuit',
      it: 'reception, portineria, hall, accoglienza, portiere di notte, =portiere',
      es: 'recepción, conserjería, conserje, vestíbulo, lobby, recepcionista',
    },
  },
  {
    id: 'beach',
    kind: 'topic',
    terms: {
      en: 'beach, beaches, sea, seaside, sunbed, sunbeds, sun lounger, parasol, beach umbrella, ocean',
      de: 'strand, meer, sonnenliege, liegestuhl, sonnenschirm, strandliege, strandliegen, strandkorb',
      fr: 'plage, plages, mer, transat, transats, parasol, chaise longue, bord de mer',
      it: 'spiaggia, spiagge, !mare, ombrellone, ombrelloni, sdraio, lettini, lido, stabilimento balneare',
      es: 'playa, playas, !mar, hamaca, hamacas, tumbona, tumbonas, sombrilla',
    },
  },
  {
    id: 'excursions',
    kind: 'topic',
    terms: {
      en: 'tour, tours, excursion, excursions, sightseeing, attractions, things to do, what to do, visit, museum, museums, guided tour, activities, trip, city tour, recommendations',
      de: 'ausflug, ausflüge, sehenswürdigkeiten, besichtigung, führung, stadtführung, aktivitäten, museum, museen, tour, touren, ausflugstipps, tipps',
      fr: 'excursion, excursions, visite, visites, à voir, à faire, activités, musée, musées, visite guidée, tour, sortie, sorties',
      it: 'escursione, escursioni, gita, gite, visita, visite, attrazioni, cosa vedere, cosa fare, museo, musei, tour, visita guidata, attività',
      es: 'excursión, excursiones, tour, visita, visitas, qué ver, qué hacer, atracciones, museo, museos, actividades, visita guiada',
    },
  },
  {
    id: 'visitors',
    kind: 'topic',
    terms: {
      en: 'visitor, visitors, bring a friend, friend, friends, non-guest, day guest, external guests, guest visit',
      de: 'besucher, freund, freunde, freundin, externe gäste',
      fr: 'visiteur, visiteurs, invité, invités, ami, amis, amie',
      it: 'visitatore, visitatori, ospite esterno, ospiti esterni, amico, amici, amica',
      es: 'visitante, visitantes, invitado, invitados, amigo, amigos, amiga',
    },
  },
  {
    id: 'kitchen',
    kind: 'topic',
    terms: {
      en: 'kitchen, kitchenette, microwave, cook, cooking, stove, oven, dishwasher',
      de: 'küche, kochnische, mikrowelle, kochen, herd, backofen, küchenzeile',
      fr: 'cuisine, kitchenette, micro-ondes, cuisiner, plaque de cuisson, four',
      it: 'cucina, angolo cottura, microonde, cucinare, fornelli, forno',
      es: 'cocina, cocinar, microondas, horno, cocineta, hornillo',
    },
  },
  {
    id: 'dietary',
    kind: 'topic',
    terms: {
      en: 'vegan, vegetarian, gluten, gluten-free, gluten free, allergy, allergies, allergic, lactose, halal, kosher, celiac, coeliac, dietary, intolerance, nut allergy',
      de: 'vegan, vegetarisch, vegetarier, glutenfrei, gluten, allergie, allergien, allergisch, laktose, laktosefrei, unverträglichkeit, halal, koscher, zöliakie, vertrage, verträgt, unverträglich',
      fr: 'végétalien, végan, vegan, végétarien, végétarienne, sans gluten, gluten, allergie, allergies, allergique, lactose, intolérance, halal, casher',
      it: 'vegano, vegana, vegetariano, vegetariana, senza glutine, glutine, celiaco, celiaca, celiachia, allergia, allergie, allergico, lattosio, intolleranza, halal',
      es: 'vegano, vegana, vegetariano, vegetariana, sin gluten, gluten, celíaco, celíaca, alergia, alergias, alérgico, lactosa, intolerancia, halal',
    },
  },
  {
    id: 'water',
    kind: 'topic',
    terms: {
      en: 'water, drinking water, tap water, bottled water, water bottle',
      de: 'wasser, trinkwasser, leitungswasser, wasserflasche',
      fr: 'eau, eau potable, eau du robinet, bouteille d’eau',
      it: "acqua, acqua potabile, acqua del rubinetto, bottiglia d'acqua",
      es: 'agua, agua potable, agua del grifo, botella de agua',
    },
  },
  {
    id: 'bathroom',
    kind: 'topic',
    terms: {
      en: 'bathroom, shower, showers, bathtub, bath, toilet, toilets',
      de: '!bad, badezimmer, dusche, badewanne, toilette, wc',
      fr: 'salle de bain, salle de bains, douche, baignoire, toilettes, wc',
      it: 'bagno, doccia, vasca, vasca da bagno, toilette, wc',
      es: 'baño, ducha, bañera, aseo, inodoro',
    },
  },
  {
    id: 'supermarket',
    kind: 'topic',
    terms: {
      en: 'supermarket, grocery, groceries, shop, shops, shopping, convenience store, mall, souvenirs, buy, purchase',
      de: 'supermarkt, einkaufen, geschäft, geschäfte, shopping, lebensmittel, einkaufsmöglichkeiten, kiosk, kaufen, einkaufen',
      fr: 'supermarché, épicerie, magasin, magasins, courses, boutique, boutiques, shopping, acheter',
      it: 'supermercato, alimentari, negozio, negozi, spesa, shopping, comprare',
      es: 'supermercado, tienda, tiendas, compras, ir de compras, colmado, comprar',
    },
  },
  {
    id: 'wake_up',
    kind: 'topic',
    terms: {
      en: 'wake up call, wake-up call, wakeup call, wake me up, wake us up, alarm clock',
      de: 'weckruf, wecken, weckdienst, wecker',
      fr: 'réveil, me réveiller, nous réveiller, appel de réveil, service de réveil',
      it: 'sveglia, svegliare, servizio sveglia, svegliarmi, svegliarci',
      es: 'despertador, despertar, llamada despertador, servicio de despertador, despertarme',
    },
  },
  {
    id: 'printing',
    kind: 'topic',
    terms: {
      en: 'print, printer, printing, boarding pass, scan, scanner, fax, computer',
      de: 'drucken, drucker, ausdrucken, bordkarte, scannen, computer',
      fr: "imprimer, imprimante, carte d'embarquement, scanner, ordinateur",
      it: "stampare, stampante, carta d'imbarco, scansionare, computer",
      es: 'imprimir, impresora, tarjeta de embarque, escanear, ordenador',
    },
  },
  {
    id: 'electronics',
    kind: 'topic',
    terms: {
      en: 'adapter, adaptor, plug, socket, sockets, power outlet, outlet, usb, voltage, extension cord, plug adapter',
      de: 'adapter, steckdose, steckdosen, stecker, netzteil, usb',
      fr: 'adaptateur, prise, prises, prise électrique, usb',
      it: 'adattatore, presa, prese, spina, usb',
      es: 'adaptador, enchufe, enchufes, usb',
    },
  },
  {
    id: 'phone_charger',
    kind: 'topic',
    terms: {
      en: 'phone charger, charging cable, charger cable, usb cable, charge my phone, iphone charger, lightning cable',
      de: 'ladekabel, handyladegerät, handy aufladen, handy laden, handyladekabel, usb-kabel',
      fr: 'chargeur de téléphone, recharger mon téléphone, recharger le téléphone, câble de chargement, câble usb',
      it: 'caricabatterie, caricatore del telefono, ricaricare il telefono, caricare il telefono, cavo usb',
      es: 'cargador del móvil, cargador de móvil, cargar el móvil, cargar el teléfono, cable usb, cargador del teléfono',
    },
  },
  {
    id: 'sports',
    kind: 'topic',
    terms: {
      en: 'tennis, golf, golf course, tennis court, padel, squash, yoga',
      de: 'tennis, golf, golfplatz, tennisplatz, padel, yoga',
      fr: 'tennis, golf, terrain de tennis, padel, yoga, court de tennis',
      it: 'tennis, golf, campo da golf, campo da tennis, padel, yoga',
      es: 'tenis, golf, campo de golf, pista de tenis, pádel, yoga',
    },
  },
  {
    id: 'ski',
    kind: 'topic',
    terms: {
      en: 'ski, skis, skiing, ski pass, ski room, ski storage, slopes, ski lift, ski rental',
      de: 'ski, skier, skifahren, skipass, skiraum, skikeller, piste, pisten, skiverleih, skilift',
      fr: 'ski, skis, skier, forfait de ski, local à skis, pistes, remontées mécaniques',
      it: 'sci, sciare, skipass, deposito sci, piste, impianti di risalita, noleggio sci',
      es: 'esquí, esquís, esquiar, forfait, pistas, guardaesquís, remontes',
    },
  },
  {
    id: 'balcony_view',
    kind: 'topic',
    terms: {
      en: 'balcony, terrace, view, sea view, patio, balconies',
      de: 'balkon, terrasse, aussicht, meerblick, blick, seeblick',
      fr: 'balcon, terrasse, vue, vue sur la mer, vue mer',
      it: 'balcone, terrazza, terrazzo, vista, vista mare',
      es: 'balcón, terraza, vistas, vista, vista al mar',
    },
  },
  {
    id: 'voucher_discount',
    kind: 'topic',
    terms: {
      en: 'voucher, vouchers, gift card, gift voucher, coupon, promo code, discount code, discount, discounts',
      de: 'gutschein, gutscheine, geschenkgutschein, rabattcode, rabatt, ermäßigung, gutscheincode',
      fr: 'bon cadeau, carte cadeau, chèque cadeau, code promo, réduction, remise, bon de réduction',
      it: 'buono regalo, voucher, codice sconto, buono, sconto, sconti',
      es: 'bono regalo, tarjeta regalo, vale, código de descuento, cupón, descuento, descuentos',
    },
  },
  {
    id: 'dimensions',
    kind: 'modifier',
    terms: {
      en: 'height, high, tall, size, dimensions, width, wide, metre, metres, meter, meters',
      de: 'höhe, hoch, größe, maße, abmessungen, breite, meter',
      fr: 'hauteur, taille, dimensions, largeur, mètre, mètres',
      it: 'altezza, alto, alta, dimensioni, misure, larghezza, metri',
      es: 'altura, alto, alta, tamaño, dimensiones, medidas, ancho, anchura, metros',
    },
  },
  {
    id: 'sleep',
    kind: 'generic',
    terms: {
      en: 'sleep, sleeps, sleeping, bed, beds',
      de: 'schlafen, schläft, schlafplatz, bett, betten',
      fr: 'dormir, dort, couchage, lit, lits',
      it: 'dormire, dorme, letto, letti',
      es: 'dormir, duerme, duerma, cama, camas',
    },
  },
  {
    id: 'temperature',
    kind: 'modifier',
    terms: {
      en: 'temperature, warm, hot, cold, degrees',
      de: 'temperatur, warm, kalt, heiß, grad',
      fr: 'température, chaud, froid, degrés',
      it: 'temperatura, caldo, freddo, gradi',
      es: 'temperatura, calor, frío, caliente, grados',
    },
  },
  {
    id: 'rent',
    kind: 'generic',
    terms: {
      en: 'rent, rental, hire, borrow, lend',
      de: 'mieten, ausleihen, leihen, verleih, vermieten',
      fr: 'louer, location, prêter, prêtez, emprunter',
      it: 'noleggiare, noleggio, prestare, affittare',
      es: 'alquilar, alquiler, prestar, prestáis',
    },
  },
  {
    id: 'price',
    kind: 'generic',
    terms: {
      en: 'price, prices, cost, costs, how much, fee, fees, charge, charges, extra charge, surcharge, rate, rates, tariff, expensive, cheap, euro, euros, have to pay, do i pay, do we pay, pay extra, pay for, is it extra, extra cost, charged, separately',
      de: 'preis, preise, kosten, kostet, was kostet, wie viel, wieviel, wie hoch ist, wie hoch sind, gebühr, gebühren, aufpreis, zuschlag, tarif, teuer, euro, muss ich zahlen, müssen wir zahlen, muss man zahlen, zahlt man, kostenpflichtig, extra bezahlen, zusätzlich, separat, berechnet, berechnen',
      fr: 'prix, tarif, tarifs, coût, coûte, combien, frais, supplément, cher, euros, je paie, on paie, faut-il payer, faut payer, payant, payante, en supplément, à part',
      it: 'prezzo, prezzi, costo, costa, quanto costa, quanto, tariffa, tariffe, supplemento, caro, euro, si paga, si pagano, a pagamento, a parte, addebitate, addebitare, addebito, devo pagare, bisogna pagare, quanto si paga',
      es: 'precio, precios, coste, costo, cuesta, cuánto, cuánto cuesta, tarifa, tarifas, suplemento, caro, euros, se paga, se pagan, hay que pagar, aparte, me cobran, cobran, cobrar, cobra, de pago, cuánto se paga',
    },
  },
  {
    id: 'free',
    kind: 'modifier',
    terms: {
      en: 'free, free of charge, complimentary, included, include, includes, for free, no charge, at no cost',
      de: 'kostenlos, gratis, umsonst, inklusive, inbegriffen, enthalten, inkl, kostenfrei',
      fr: 'gratuit, gratuite, gratuitement, offert, offerte, compris, inclus, incluse',
      it: 'gratis, gratuito, gratuita, incluso, inclusa, compreso, compresa, omaggio',
      es: 'gratis, gratuito, gratuita, incluido, incluida, sin coste, sin cargo',
    },
  },
  {
    id: 'nearby',
    kind: 'modifier',
    terms: {
      en: 'nearby, near, close to, near the hotel, around here, in the area, walking distance, next to, close by, neighbourhood, neighborhood, nearest, closest',
      de: 'in der nähe, nähe, nahe, umgebung, umkreis, fußläufig, gegend, nächste, nächsten',
      fr: 'à proximité, près, près de, proche, aux alentours, dans le coin, dans le quartier, quartier, environs, plus proche',
      it: "vicino, vicino all'hotel, nei dintorni, dintorni, nelle vicinanze, in zona, zona, quartiere, più vicino, più vicina",
      es: '!cerca, cerca del hotel, por aquí, cercano, cercana, alrededores, en la zona, zona, barrio, más cercano, más cercana',
    },
  },
  {
    id: 'time',
    kind: 'generic',
    terms: {
      en: 'when, what time, time, times, hours, opening hours, open, opens, close, closes, closed, until when, from when, from what time, until what time, start, starts, begin, begins, end, ends, noon, midday, how long, at night, late at night, midnight, overnight, at the latest',
      de: 'wann, uhrzeit, um wie viel uhr, wie spät, öffnungszeiten, geöffnet, offen, bis wann, ab wann, zeit, zeiten, uhr, schließt, öffnet, mittag, mittags, wie lange, beginnt, fängt an, endet, nachts, mitternacht, über nacht, wieviel uhr, wie viel uhr, ab wie viel uhr, spätestens',
      fr: 'quand, quelle heure, à quelle heure, heure, heures, horaire, horaires, ouvert, ouverte, ouverture, fermé, fermée, fermeture, jusqu’à quand, à partir de quand, à partir de, ferme, ouvre, midi, combien de temps, commence, commencer, finit, de nuit, pendant la nuit, minuit, au plus tard',
      it: 'quando, a che ora, che ora, ora, orario, orari, aperto, aperta, apertura, chiuso, chiusa, chiusura, fino a quando, da quando, a partire da, da che ora, apre, chiude, mezzogiorno, quanto tempo, inizia, comincia, finisce, di notte, mezzanotte, durante la notte, al più tardi, entro le',
      es: 'cuándo, a qué hora, qué hora, hora, horas, horario, horarios, abierto, abierta, apertura, cerrado, cerrada, hasta cuándo, desde cuándo, a partir de, abre, cierra, mediodía, cuánto tiempo, empieza, comienza, termina, por la noche, de noche, medianoche, toda la noche, a más tardar',
    },
  },
  {
    id: 'day',
    kind: 'generic',
    terms: {
      en: 'today, tonight, tomorrow, yesterday, weekend, weekends, monday, tuesday, wednesday, thursday, friday, saturday, sunday, holiday, holidays, christmas, new year, easter, weekdays, weekday',
      de: 'heute, heute abend, übermorgen, wochenende, montag, dienstag, mittwoch, donnerstag, freitag, samstag, sonnabend, sonntag, sonntags, feiertag, feiertagen, feiertags, weihnachten, silvester, ostern, werktags, wochentags',
      fr: "aujourd'hui, ce soir, demain, week-end, weekend, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, jour férié, jours fériés, noël, nouvel an, pâques, en semaine",
      it: 'oggi, stasera, domani, fine settimana, weekend, lunedì, martedì, mercoledì, giovedì, venerdì, sabato, domenica, festivi, festivo, natale, capodanno, pasqua, feriali, giorni feriali',
      es: 'hoy, esta noche, mañana, fin de semana, lunes, martes, miércoles, jueves, viernes, sábado, domingo, festivo, festivos, navidad, año nuevo, semana santa, entre semana, días laborables',
    },
  },
  {
    id: 'entrance',
    kind: 'generic',
    terms: {
      en: 'entrance, entrances, entry, door, doors, doorway',
      de: 'eingang, eingänge, einfahrt, tür, türen, zugang',
      fr: 'entrée, entrées, porte, portes',
      it: 'ingresso, ingressi, entrata, porta, porte',
      es: 'entrada, entradas, puerta, puertas, acceso',
    },
  },
  {
    // A month may be the point of a question ("is the restaurant open in January?"): more than a day's detail.
    id: 'month',
    kind: 'modifier',
    terms: {
      en: 'january, february, march, april, june, july, august, september, october, november, december',
      de: 'januar, jänner, februar, märz, april, mai, juni, juli, august, september, oktober, november, dezember',
      fr: 'janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre',
      it: 'gennaio, febbraio, marzo, aprile, maggio, giugno, luglio, agosto, settembre, ottobre, novembre, dicembre',
      es: 'enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre',
    },
  },
  {
    id: 'room',
    kind: 'generic',
    terms: {
      en: 'room, rooms, bedroom, suite, accommodation, space, venue, drawer, drawers, bedside table, bedside, nightstand, wardrobe, closet, cupboard',
      de: 'zimmer, suite, unterkunft, hotelzimmer, raum, räume, platz, saal, schublade, nachttisch, schrank, kleiderschrank',
      fr: 'chambre, chambres, suite, logement, hébergement, salle, espace, tiroir, table de chevet, armoire, placard',
      it: '!camera, camere, stanza, stanze, suite, alloggio, sala, spazio, cassetto, comodino, armadio',
      es: 'habitación, habitaciones, cuarto, suite, alojamiento, sala, salón, espacio, cajón, mesita de noche, mesilla, armario',
    },
  },
]
