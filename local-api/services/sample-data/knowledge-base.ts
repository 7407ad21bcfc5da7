/**
 * The knowledge base of a new desk's sample data: a realistic 4-star city hotel's answers, each in
 * five languages with the ways guests ask them, so a first run shows the AI agent at work. It is
 * also the knowledge base of the agent's labelled evaluation (test/fixtures/agent-eval). The hotel's
 * name is {{property.name}}.
 */
export interface SampleKnowledgeEntry {
  /** A stable name of the topic (the evaluation's labels use it). */
  id: string
  question: string
  language: string
  answer: string
  tags: string
  phrasings: string[]
  answers: Record<string, string>
}

export const SAMPLE_KNOWLEDGE: readonly SampleKnowledgeEntry[] = [
  {
    id: 'check-in-time',
    question: 'What time is check-in?',
    language: 'en',
    answer:
      'Check-in is from 15:00 on the day of arrival. Reception on the ground floor is staffed 24 hours, so you can arrive at any time of the night; please have a passport or ID card ready for every adult guest.',
    tags: 'check-in, arrival, reception, key, room ready, 24h',
    phrasings: [
      'When can I check in?',
      'Ab wann ist der Check-in?',
      "À partir de quelle heure peut-on s'enregistrer ?",
      'A che ora è il check-in?',
      '¿A qué hora es el check-in?',
    ],
    answers: {
      de: 'Der Check-in ist ab 15:00 Uhr am Anreisetag möglich. Die Rezeption im Erdgeschoss ist rund um die Uhr besetzt, Sie können also auch spät in der Nacht anreisen. Bitte halten Sie für jeden erwachsenen Gast einen Pass oder Ausweis bereit.',
      fr: "L'enregistrement se fait à partir de 15h00 le jour de l'arrivée. La réception, au rez-de-chaussée, est ouverte 24 heures sur 24 : vous pouvez donc arriver à toute heure de la nuit. Merci de prévoir un passeport ou une carte d'identité pour chaque adulte.",
      it: "Il check-in è possibile dalle 15:00 del giorno di arrivo. La reception al piano terra è aperta 24 ore su 24, quindi può arrivare a qualsiasi ora della notte. Tenga pronto un passaporto o una carta d'identità per ogni ospite adulto.",
      es: 'El check-in es a partir de las 15:00 del día de llegada. La recepción, en la planta baja, está atendida las 24 horas, así que puede llegar a cualquier hora de la noche. Tenga a mano un pasaporte o DNI de cada huésped adulto.',
    },
  },
  {
    id: 'early-check-in',
    question: 'Can I check in early?',
    language: 'en',
    answer:
      'Early check-in from 12:00 is possible subject to availability for CHF 40; please ask us the day before. If you need the room guaranteed from the early morning (from 06:00), book the previous night. If your room is not ready yet, you can leave your luggage with us and use the spa in the meantime.',
    tags: 'early check-in, early arrival, before 15:00, room ready early, morning arrival',
    phrasings: [
      'Is early check-in possible?',
      'Können wir früher einchecken?',
      'Est-il possible d’arriver plus tôt dans la chambre ?',
      'Possiamo fare il check-in in anticipo?',
      '¿Se puede hacer el check-in antes?',
    ],
    answers: {
      de: 'Ein früher Check-in ab 12:00 Uhr ist je nach Verfügbarkeit für CHF 40 möglich; bitte fragen Sie uns am Vortag an. Wenn Sie das Zimmer garantiert ab dem frühen Morgen (ab 06:00 Uhr) brauchen, buchen Sie bitte die Nacht davor dazu. Ist Ihr Zimmer noch nicht bereit, können Sie Ihr Gepäck bei uns lassen und in der Zwischenzeit das Spa nutzen.',
      fr: "Un enregistrement anticipé à partir de 12h00 est possible selon disponibilité, pour CHF 40 ; merci de nous le demander la veille. Si vous avez besoin de la chambre de façon garantie dès le petit matin (à partir de 6h00), réservez la nuit précédente. Si votre chambre n'est pas encore prête, vous pouvez nous laisser vos bagages et profiter du spa en attendant.",
      it: 'Il check-in anticipato dalle 12:00 è possibile, secondo disponibilità, al costo di CHF 40; ce lo chieda il giorno prima. Se le serve la camera garantita dalla mattina presto (dalle 06:00), prenoti anche la notte precedente. Se la camera non è ancora pronta, può lasciarci i bagagli e nel frattempo usare la spa.',
      es: 'El check-in anticipado a partir de las 12:00 es posible según disponibilidad por CHF 40; pídanoslo el día anterior. Si necesita la habitación garantizada desde primera hora (a partir de las 06:00), reserve también la noche anterior. Si su habitación aún no está lista, puede dejarnos el equipaje y mientras tanto disfrutar del spa.',
    },
  },
  {
    id: 'check-out-time',
    question: 'What time is check-out?',
    language: 'en',
    answer:
      'Check-out is by 11:00 on the day of departure. You can settle the bill at reception or use express check-out: leave your key card in the box at the entrance and we will email you the invoice.',
    tags: 'check-out, departure, leave, key card, express check-out, bill',
    phrasings: [
      'Until when do we have to leave the room?',
      'Bis wann muss man auschecken?',
      'Quelle est l’heure limite pour libérer la chambre ?',
      'Entro che ora bisogna lasciare la camera?',
      '¿Hasta qué hora hay que dejar la habitación?',
    ],
    answers: {
      de: 'Der Check-out ist bis 11:00 Uhr am Abreisetag. Sie können die Rechnung an der Rezeption begleichen oder den Express-Check-out nutzen: Werfen Sie Ihre Schlüsselkarte in die Box beim Eingang, und wir senden Ihnen die Rechnung per E-Mail.',
      fr: "Le départ se fait au plus tard à 11h00 le jour du départ. Vous pouvez régler la note à la réception ou utiliser le check-out express : déposez votre carte-clé dans la boîte à l'entrée et nous vous enverrons la facture par e-mail.",
      it: "Il check-out è entro le 11:00 del giorno di partenza. Può saldare il conto alla reception oppure usare il check-out express: lasci la chiave elettronica nell'apposita cassetta all'ingresso e le invieremo la fattura via e-mail.",
      es: 'El check-out es hasta las 11:00 del día de salida. Puede pagar la cuenta en recepción o usar el check-out exprés: deje su tarjeta llave en el buzón de la entrada y le enviaremos la factura por correo electrónico.',
    },
  },
  {
    id: 'late-check-out',
    question: 'Can I have a late check-out?',
    language: 'en',
    answer:
      'Late check-out is possible subject to availability: until 14:00 for CHF 40, until 18:00 for 50% of the nightly room rate. Please ask at reception by the evening before your departure.',
    tags: 'late check-out, leave later, stay longer in the room, departure afternoon',
    phrasings: [
      'Is a late checkout possible?',
      'Können wir das Zimmer länger behalten?',
      'Peut-on partir plus tard de la chambre ?',
      'È possibile un late check-out?',
      '¿Podemos quedarnos en la habitación más tarde el día de salida?',
    ],
    answers: {
      de: 'Ein später Check-out ist je nach Verfügbarkeit möglich: bis 14:00 Uhr für CHF 40, bis 18:00 Uhr für 50 % des Zimmerpreises pro Nacht. Bitte fragen Sie bis spätestens am Vorabend Ihrer Abreise an der Rezeption.',
      fr: "Un départ tardif est possible selon disponibilité : jusqu'à 14h00 pour CHF 40, jusqu'à 18h00 pour 50 % du prix de la nuitée. Merci de le demander à la réception au plus tard la veille de votre départ.",
      it: 'Il late check-out è possibile secondo disponibilità: fino alle 14:00 per CHF 40, fino alle 18:00 per il 50% della tariffa di una notte. La preghiamo di chiederlo alla reception entro la sera prima della partenza.',
      es: 'La salida tardía es posible según disponibilidad: hasta las 14:00 por CHF 40 y hasta las 18:00 por el 50 % de la tarifa de una noche. Pídalo en recepción como muy tarde la noche antes de su salida.',
    },
  },
  {
    id: 'luggage-storage',
    question: 'Can I leave my luggage at the hotel?',
    language: 'en',
    answer:
      'Yes, our luggage room next to reception is free of charge, both before check-in and after check-out on your departure day. Bags are labelled and kept in a locked room; for storage of more than 7 days please ask us first.',
    tags: 'luggage, bags, suitcases, storage, left luggage, before check-in, after check-out',
    phrasings: [
      'Is there a luggage room?',
      'Kann ich meine Koffer bei euch lassen?',
      'Est-ce que vous gardez les bagages ?',
      'Avete un deposito bagagli?',
      '¿Puedo dejar las maletas en el hotel?',
    ],
    answers: {
      de: 'Ja, unser Gepäckraum neben der Rezeption ist kostenlos, sowohl vor dem Check-in als auch nach dem Check-out an Ihrem Abreisetag. Die Gepäckstücke werden beschriftet und in einem abgeschlossenen Raum aufbewahrt; für mehr als 7 Tage fragen Sie uns bitte vorher.',
      fr: "Oui, notre bagagerie à côté de la réception est gratuite, avant l'enregistrement comme après le départ le jour où vous partez. Les bagages sont étiquetés et gardés dans une pièce fermée à clé ; pour plus de 7 jours, merci de nous demander d'abord.",
      it: 'Sì, il nostro deposito bagagli accanto alla reception è gratuito, sia prima del check-in sia dopo il check-out il giorno della partenza. I bagagli vengono etichettati e custoditi in un locale chiuso a chiave; per più di 7 giorni ci chieda prima.',
      es: 'Sí, nuestra consigna junto a la recepción es gratuita, tanto antes del check-in como después del check-out el día de salida. Las maletas se etiquetan y se guardan en una sala cerrada con llave; para más de 7 días, consúltenos antes.',
    },
  },
  {
    id: 'parking',
    question: 'Do you have parking?',
    language: 'en',
    answer:
      'Yes, our underground garage (entrance from Seefeldstrasse) has 40 spaces and costs CHF 32 per 24 hours, charged to your room. Spaces cannot be reserved; the maximum vehicle height is 2.00 m. If the garage is full, the public Opera garage is 300 m away (about CHF 45 per day).',
    tags: 'parking, car, garage, park, underground, vehicle, height',
    phrasings: [
      'Is there a car park at the hotel?',
      'Gibt es Parkplätze beim Hotel?',
      'Avez-vous un parking ?',
      "C'è un parcheggio in hotel?",
      '¿Tienen aparcamiento?',
    ],
    answers: {
      de: 'Ja, unsere Tiefgarage (Einfahrt von der Seefeldstrasse) hat 40 Plätze und kostet CHF 32 pro 24 Stunden; der Betrag wird auf Ihr Zimmer gebucht. Plätze können nicht reserviert werden; die maximale Fahrzeughöhe beträgt 2,00 m. Ist die Garage voll, liegt das öffentliche Parkhaus Opéra 300 m entfernt (ca. CHF 45 pro Tag).',
      fr: "Oui, notre parking souterrain (entrée par la Seefeldstrasse) compte 40 places et coûte CHF 32 par 24 heures, porté sur votre note. Les places ne peuvent pas être réservées ; la hauteur maximale des véhicules est de 2,00 m. Si le garage est complet, le parking public de l'Opéra se trouve à 300 m (environ CHF 45 par jour).",
      it: "Sì, il nostro garage sotterraneo (ingresso dalla Seefeldstrasse) ha 40 posti e costa CHF 32 ogni 24 ore, addebitati sul conto della camera. I posti non si possono prenotare; l'altezza massima dei veicoli è di 2,00 m. Se il garage è pieno, il parcheggio pubblico dell'Opera si trova a 300 m (circa CHF 45 al giorno).",
      es: 'Sí, nuestro garaje subterráneo (entrada por la Seefeldstrasse) tiene 40 plazas y cuesta CHF 32 por 24 horas, que se cargan a su habitación. Las plazas no se pueden reservar; la altura máxima del vehículo es de 2,00 m. Si el garaje está lleno, el aparcamiento público de la Ópera está a 300 m (unos CHF 45 al día).',
    },
  },
  {
    id: 'ev-charging',
    question: 'Can I charge my electric car?',
    language: 'en',
    answer:
      'Yes, there are 4 charging stations (Type 2, 11 kW) on level -2 of our underground garage. Charging costs CHF 0.45 per kWh in addition to the parking fee of CHF 32 per 24 hours. Please ask reception for the charging card; we do not lend cables or Tesla adapters.',
    tags: 'electric car, EV, charging station, charger, Tesla, Type 2, wallbox',
    phrasings: [
      'Do you have EV chargers?',
      'Gibt es eine Ladestation für Elektroautos?',
      'Peut-on recharger une voiture électrique ?',
      'Avete colonnine di ricarica per auto elettriche?',
      '¿Hay cargador para coches eléctricos?',
    ],
    answers: {
      de: 'Ja, auf Ebene -2 unserer Tiefgarage gibt es 4 Ladestationen (Typ 2, 11 kW). Das Laden kostet CHF 0.45 pro kWh zusätzlich zur Parkgebühr von CHF 32 pro 24 Stunden. Die Ladekarte erhalten Sie an der Rezeption; Kabel und Tesla-Adapter verleihen wir nicht.',
      fr: 'Oui, 4 bornes de recharge (type 2, 11 kW) se trouvent au niveau -2 de notre parking souterrain. La recharge coûte CHF 0.45 par kWh, en plus du tarif de stationnement de CHF 32 par 24 heures. Demandez la carte de recharge à la réception ; nous ne prêtons ni câbles ni adaptateurs Tesla.',
      it: 'Sì, al livello -2 del nostro garage sotterraneo ci sono 4 colonnine di ricarica (Tipo 2, 11 kW). La ricarica costa CHF 0.45 per kWh, in aggiunta alla tariffa del parcheggio di CHF 32 ogni 24 ore. Chieda la tessera di ricarica alla reception; non prestiamo cavi né adattatori Tesla.',
      es: 'Sí, hay 4 puntos de carga (tipo 2, 11 kW) en el nivel -2 de nuestro garaje subterráneo. La carga cuesta CHF 0.45 por kWh, además de la tarifa de aparcamiento de CHF 32 por 24 horas. Pida la tarjeta de carga en recepción; no prestamos cables ni adaptadores Tesla.',
    },
  },
  {
    id: 'airport-transfer',
    question: 'Do you offer an airport transfer?',
    language: 'en',
    answer:
      'We arrange a private airport transfer by limousine for CHF 95 per car one way (up to 3 people with luggage, CHF 120 for a van up to 7). Please book at least 24 hours in advance with your flight number; the driver waits in the arrivals hall with a name sign. By train, the airport is 12 minutes from the main station, then 6 minutes by tram 11.',
    tags: 'airport, transfer, shuttle, limousine, pick-up, taxi, flight',
    phrasings: [
      'Can you pick us up at the airport?',
      'Bietet ihr einen Flughafentransfer an?',
      "Proposez-vous une navette depuis l'aéroport ?",
      "Organizzate il transfer dall'aeroporto?",
      '¿Ofrecen traslado al aeropuerto?',
    ],
    answers: {
      de: 'Wir organisieren einen privaten Flughafentransfer mit Limousine für CHF 95 pro Fahrzeug und Strecke (bis 3 Personen mit Gepäck, CHF 120 für einen Van bis 7 Personen). Bitte buchen Sie mindestens 24 Stunden im Voraus mit Ihrer Flugnummer; der Fahrer wartet mit einem Namensschild in der Ankunftshalle. Mit dem Zug ist der Flughafen 12 Minuten vom Hauptbahnhof entfernt, danach 6 Minuten mit dem Tram 11.',
      fr: "Nous organisons un transfert privé en limousine depuis ou vers l'aéroport pour CHF 95 par véhicule et par trajet (jusqu'à 3 personnes avec bagages, CHF 120 pour un van jusqu'à 7). Merci de réserver au moins 24 heures à l'avance en indiquant votre numéro de vol ; le chauffeur vous attend dans le hall des arrivées avec une pancarte à votre nom. En train, l'aéroport est à 12 minutes de la gare centrale, puis 6 minutes en tram 11.",
      it: "Organizziamo un transfer privato in limousine da e per l'aeroporto a CHF 95 per veicolo e tratta (fino a 3 persone con bagagli, CHF 120 per un van fino a 7). Prenoti almeno 24 ore prima indicando il numero di volo; l'autista la aspetta nella sala arrivi con un cartello con il suo nome. In treno l'aeroporto dista 12 minuti dalla stazione centrale, poi 6 minuti con il tram 11.",
      es: 'Organizamos un traslado privado en limusina al aeropuerto o desde él por CHF 95 por vehículo y trayecto (hasta 3 personas con equipaje, CHF 120 por una furgoneta de hasta 7). Reserve con al menos 24 horas de antelación indicando su número de vuelo; el conductor le espera en la sala de llegadas con un cartel con su nombre. En tren, el aeropuerto está a 12 minutos de la estación central y luego a 6 minutos en el tranvía 11.',
    },
  },
  {
    id: 'public-transport',
    question: 'How do I get around by public transport?',
    language: 'en',
    answer:
      'The tram stop "Kreuzstrasse" is a 2-minute walk from the hotel (trams 2 and 11; the main station is 8 minutes away). At check-in every guest receives a free Guest Ticket valid for all trams and buses in the city zones for the whole stay.',
    tags: 'tram, bus, train, station, public transport, guest ticket, stop, metro',
    phrasings: [
      'Where is the nearest tram stop?',
      'Wie komme ich mit dem ÖV in die Stadt?',
      'Y a-t-il des transports en commun près de l’hôtel ?',
      "Com'è collegato l'hotel con i mezzi pubblici?",
      '¿Cómo llego al centro en transporte público?',
    ],
    answers: {
      de: 'Die Tramhaltestelle «Kreuzstrasse» liegt 2 Gehminuten vom Hotel entfernt (Tram 2 und 11; zum Hauptbahnhof sind es 8 Minuten). Beim Check-in erhält jeder Gast ein kostenloses Gästeticket, das während des ganzen Aufenthalts für alle Trams und Busse in den Stadtzonen gilt.',
      fr: "L'arrêt de tram « Kreuzstrasse » est à 2 minutes à pied de l'hôtel (trams 2 et 11 ; la gare centrale est à 8 minutes). À l'arrivée, chaque client reçoit un Guest Ticket gratuit, valable dans tous les trams et bus des zones urbaines pendant tout le séjour.",
      it: "La fermata del tram «Kreuzstrasse» è a 2 minuti a piedi dall'hotel (tram 2 e 11; la stazione centrale è a 8 minuti). Al check-in ogni ospite riceve un Guest Ticket gratuito, valido su tutti i tram e autobus delle zone cittadine per tutto il soggiorno.",
      es: 'La parada de tranvía «Kreuzstrasse» está a 2 minutos a pie del hotel (tranvías 2 y 11; la estación central está a 8 minutos). Al hacer el check-in, cada huésped recibe un Guest Ticket gratuito, válido en todos los tranvías y autobuses de las zonas urbanas durante toda la estancia.',
    },
  },
  {
    id: 'wifi',
    question: 'Is there Wi-Fi?',
    language: 'en',
    answer:
      'Wi-Fi is free throughout the hotel, including the spa and the garage. Connect to the network "{{property.name}} Guest" and log in with your room number and last name; each guest can use up to 4 devices. For video calls, the "Premium" option (up to 200 Mbit/s) is also free.',
    tags: 'wifi, wi-fi, internet, wlan, password, network, connection',
    phrasings: [
      'What is the wifi password?',
      'Habt ihr WLAN?',
      'Le wifi est-il gratuit ?',
      "Com'è la connessione internet in camera?",
      '¿Cuál es la clave del wifi?',
    ],
    answers: {
      de: 'WLAN ist im ganzen Hotel kostenlos, auch im Spa und in der Garage. Verbinden Sie sich mit dem Netzwerk «{{property.name}} Guest» und melden Sie sich mit Ihrer Zimmernummer und Ihrem Nachnamen an; jeder Gast kann bis zu 4 Geräte nutzen. Für Videocalls ist auch die Option «Premium» (bis 200 Mbit/s) kostenlos.',
      fr: "Le wifi est gratuit dans tout l'hôtel, y compris au spa et au parking. Connectez-vous au réseau « {{property.name}} Guest » et identifiez-vous avec votre numéro de chambre et votre nom de famille ; chaque client peut utiliser jusqu'à 4 appareils. Pour les appels vidéo, l'option « Premium » (jusqu'à 200 Mbit/s) est également gratuite.",
      it: "Il wifi è gratuito in tutto l'hotel, anche nella spa e nel garage. Si colleghi alla rete «{{property.name}} Guest» e acceda con il numero di camera e il cognome; ogni ospite può usare fino a 4 dispositivi. Per le videochiamate è gratuita anche l'opzione «Premium» (fino a 200 Mbit/s).",
      es: 'El wifi es gratuito en todo el hotel, también en el spa y en el garaje. Conéctese a la red «{{property.name}} Guest» e inicie sesión con su número de habitación y su apellido; cada huésped puede usar hasta 4 dispositivos. Para videollamadas, la opción «Premium» (hasta 200 Mbit/s) también es gratuita.',
    },
  },
  {
    id: 'breakfast-hours',
    question: 'When is breakfast served?',
    language: 'en',
    answer:
      'Breakfast is served as a buffet in the Brasserie on the ground floor, Monday to Friday 06:30–10:30 and on weekends and public holidays 07:00–11:30. If it is not included in your rate, it costs CHF 29 per adult; children under 6 eat free and children 6–12 pay half price.',
    tags: 'breakfast, buffet, morning, brasserie, hours, price',
    phrasings: [
      'What are the breakfast times?',
      'Wann gibt es Frühstück?',
      'Le petit-déjeuner est servi à quelle heure ?',
      'A che ora è la colazione?',
      '¿A qué hora es el desayuno?',
    ],
    answers: {
      de: 'Das Frühstück wird als Buffet in der Brasserie im Erdgeschoss serviert, Montag bis Freitag von 06:30 bis 10:30 Uhr, an Wochenenden und Feiertagen von 07:00 bis 11:30 Uhr. Ist es nicht in Ihrem Tarif enthalten, kostet es CHF 29 pro Erwachsenen; Kinder unter 6 Jahren frühstücken gratis, Kinder von 6 bis 12 Jahren zahlen die Hälfte.',
      fr: "Le petit-déjeuner est servi sous forme de buffet à la Brasserie, au rez-de-chaussée, du lundi au vendredi de 6h30 à 10h30, et le week-end et les jours fériés de 7h00 à 11h30. S'il n'est pas inclus dans votre tarif, il coûte CHF 29 par adulte ; gratuit pour les enfants de moins de 6 ans, demi-tarif de 6 à 12 ans.",
      it: 'La colazione è servita a buffet nella Brasserie al piano terra, dal lunedì al venerdì dalle 06:30 alle 10:30 e nei fine settimana e nei giorni festivi dalle 07:00 alle 11:30. Se non è inclusa nella sua tariffa costa CHF 29 per adulto; i bambini sotto i 6 anni non pagano, dai 6 ai 12 anni pagano metà prezzo.',
      es: 'El desayuno se sirve en bufé en la Brasserie de la planta baja, de lunes a viernes de 06:30 a 10:30 y los fines de semana y festivos de 07:00 a 11:30. Si no está incluido en su tarifa, cuesta CHF 29 por adulto; los niños menores de 6 años no pagan y los de 6 a 12 pagan la mitad.',
    },
  },
  {
    id: 'dietary-breakfast',
    question: 'Do you cater for special diets at breakfast?',
    language: 'en',
    answer:
      'Yes. The breakfast buffet always has gluten-free bread, lactose-free milk and yoghurt, plant milks and vegan spreads, and every dish is labelled with its allergens. For other needs (e.g. severe allergies or halal), please tell us the evening before and the kitchen will prepare something for you.',
    tags: 'gluten-free, lactose-free, vegan, vegetarian, allergy, allergies, intolerance, diet, halal',
    phrasings: [
      'Is there gluten-free food at breakfast?',
      'Gibt es veganes Frühstück?',
      'Avez-vous des options sans lactose au petit-déjeuner ?',
      'Avete prodotti senza glutine a colazione?',
      '¿Hay opciones veganas en el desayuno?',
    ],
    answers: {
      de: 'Ja. Am Frühstücksbuffet gibt es immer glutenfreies Brot, laktosefreie Milch und Joghurt, Pflanzenmilch und vegane Aufstriche, und jedes Gericht ist mit seinen Allergenen beschriftet. Für andere Bedürfnisse (z. B. schwere Allergien oder halal) sagen Sie uns bitte am Vorabend Bescheid, dann bereitet die Küche etwas für Sie vor.',
      fr: "Oui. Le buffet du petit-déjeuner propose toujours du pain sans gluten, du lait et des yaourts sans lactose, des laits végétaux et des tartinades véganes, et chaque plat est étiqueté avec ses allergènes. Pour d'autres besoins (allergies sévères, halal…), prévenez-nous la veille au soir et la cuisine vous préparera quelque chose.",
      it: 'Sì. Al buffet della colazione ci sono sempre pane senza glutine, latte e yogurt senza lattosio, bevande vegetali e creme spalmabili vegane, e ogni piatto riporta gli allergeni. Per altre esigenze (ad esempio allergie gravi o halal) ce lo dica la sera prima e la cucina preparerà qualcosa per lei.',
      es: 'Sí. En el bufé del desayuno siempre hay pan sin gluten, leche y yogur sin lactosa, bebidas vegetales y cremas veganas, y cada plato indica sus alérgenos. Para otras necesidades (por ejemplo, alergias graves o halal), avísenos la noche anterior y la cocina le preparará algo.',
    },
  },
  {
    id: 'restaurant-hours',
    question: 'When is the restaurant open?',
    language: 'en',
    answer:
      'Our restaurant, the Brasserie on the ground floor, serves Swiss and Mediterranean cuisine: lunch Monday to Friday 12:00–14:00, dinner every day 18:30–22:00 (last orders 21:30). We recommend booking a table at reception or by phone, especially on Fridays and Saturdays.',
    tags: 'restaurant, brasserie, lunch, dinner, table, reservation, menu, opening hours',
    phrasings: [
      'Does the hotel have a restaurant?',
      'Wann hat das Restaurant offen?',
      'Quels sont les horaires du restaurant ?',
      'Il ristorante è aperto a cena?',
      '¿A qué hora abre el restaurante para cenar?',
    ],
    answers: {
      de: 'Unser Restaurant, die Brasserie im Erdgeschoss, bietet Schweizer und mediterrane Küche: Mittagessen Montag bis Freitag 12:00–14:00 Uhr, Abendessen täglich 18:30–22:00 Uhr (letzte Bestellung 21:30 Uhr). Wir empfehlen, einen Tisch an der Rezeption oder telefonisch zu reservieren, besonders freitags und samstags.',
      fr: 'Notre restaurant, la Brasserie au rez-de-chaussée, propose une cuisine suisse et méditerranéenne : déjeuner du lundi au vendredi de 12h00 à 14h00, dîner tous les jours de 18h30 à 22h00 (dernières commandes à 21h30). Nous vous conseillons de réserver une table à la réception ou par téléphone, surtout le vendredi et le samedi.',
      it: 'Il nostro ristorante, la Brasserie al piano terra, propone cucina svizzera e mediterranea: pranzo dal lunedì al venerdì 12:00–14:00, cena tutti i giorni 18:30–22:00 (ultime ordinazioni alle 21:30). Consigliamo di prenotare un tavolo alla reception o per telefono, soprattutto il venerdì e il sabato.',
      es: 'Nuestro restaurante, la Brasserie de la planta baja, ofrece cocina suiza y mediterránea: almuerzo de lunes a viernes de 12:00 a 14:00 y cena todos los días de 18:30 a 22:00 (últimos pedidos a las 21:30). Recomendamos reservar mesa en recepción o por teléfono, sobre todo los viernes y sábados.',
    },
  },
  {
    id: 'room-service',
    question: 'Do you have room service?',
    language: 'en',
    answer:
      'Yes, room service is available from 06:30 to 23:00 with the full menu, and from 23:00 to 06:30 with a smaller night menu (sandwiches, soups, salads). Dial 9 on your room phone; the menu is in the folder on the desk. A tray charge of CHF 5 applies per order.',
    tags: 'room service, in-room dining, order food to the room, menu, night snack',
    phrasings: [
      'Can I order food to my room?',
      'Gibt es Zimmerservice?',
      'Peut-on se faire livrer à manger dans la chambre ?',
      "C'è il servizio in camera?",
      '¿Tienen servicio de habitaciones?',
    ],
    answers: {
      de: 'Ja, der Zimmerservice ist von 06:30 bis 23:00 Uhr mit der vollen Karte verfügbar und von 23:00 bis 06:30 Uhr mit einer kleineren Nachtkarte (Sandwiches, Suppen, Salate). Wählen Sie die 9 auf Ihrem Zimmertelefon; die Karte liegt in der Mappe auf dem Schreibtisch. Pro Bestellung berechnen wir CHF 5 Servicezuschlag.',
      fr: "Oui, le service en chambre est disponible de 6h30 à 23h00 avec la carte complète, et de 23h00 à 6h30 avec une carte de nuit plus courte (sandwichs, soupes, salades). Composez le 9 sur le téléphone de la chambre ; la carte se trouve dans le classeur sur le bureau. Un supplément de CHF 5 s'applique par commande.",
      it: 'Sì, il servizio in camera è disponibile dalle 06:30 alle 23:00 con il menù completo e dalle 23:00 alle 06:30 con un menù notturno ridotto (panini, zuppe, insalate). Componga il 9 sul telefono della camera; il menù è nella cartellina sulla scrivania. Per ogni ordinazione si applica un supplemento di CHF 5.',
      es: 'Sí, el servicio de habitaciones está disponible de 06:30 a 23:00 con la carta completa y de 23:00 a 06:30 con una carta nocturna reducida (sándwiches, sopas, ensaladas). Marque el 9 en el teléfono de la habitación; la carta está en la carpeta del escritorio. Se aplica un suplemento de CHF 5 por pedido.',
    },
  },
  {
    id: 'bar',
    question: 'When is the bar open?',
    language: 'en',
    answer:
      'The Lobby Bar on the ground floor is open daily from 16:00 to 01:00 (Fridays and Saturdays until 02:00). Happy hour is from 17:00 to 19:00 with 20% off cocktails, and bar snacks are served until 23:00.',
    tags: 'bar, lobby bar, drinks, cocktails, happy hour, wine, beer',
    phrasings: [
      'Is there a bar in the hotel?',
      'Bis wann hat die Bar offen?',
      'Le bar ferme à quelle heure ?',
      'Fino a che ora è aperto il bar?',
      '¿Hasta qué hora abre el bar?',
    ],
    answers: {
      de: 'Die Lobby Bar im Erdgeschoss ist täglich von 16:00 bis 01:00 Uhr geöffnet (freitags und samstags bis 02:00 Uhr). Happy Hour ist von 17:00 bis 19:00 Uhr mit 20 % Rabatt auf Cocktails, und Barsnacks gibt es bis 23:00 Uhr.',
      fr: "Le Lobby Bar, au rez-de-chaussée, est ouvert tous les jours de 16h00 à 1h00 (jusqu'à 2h00 le vendredi et le samedi). L'happy hour a lieu de 17h00 à 19h00 avec 20 % de réduction sur les cocktails, et des snacks sont servis jusqu'à 23h00.",
      it: "Il Lobby Bar al piano terra è aperto tutti i giorni dalle 16:00 all'01:00 (il venerdì e il sabato fino alle 02:00). L'happy hour è dalle 17:00 alle 19:00 con il 20% di sconto sui cocktail, e gli snack si servono fino alle 23:00.",
      es: 'El Lobby Bar de la planta baja abre todos los días de 16:00 a 01:00 (viernes y sábados hasta las 02:00). La happy hour es de 17:00 a 19:00 con un 20 % de descuento en cócteles, y se sirven tapas hasta las 23:00.',
    },
  },
  {
    id: 'spa-pool',
    question: 'Do you have a pool and spa?',
    language: 'en',
    answer:
      'Our spa on the 6th floor has a 15 m indoor pool heated to 29 °C, a Finnish sauna and a steam bath, open daily 07:00–21:00 and free for hotel guests; bathrobes and slippers are in your room. Children under 14 may use the pool from 09:00 to 17:00 with an adult; the saunas are from 16 years. Massages and treatments (from CHF 95 for 50 minutes) can be booked at reception.',
    tags: 'spa, pool, swimming, sauna, steam bath, wellness, massage, treatment',
    phrasings: ['Is there a swimming pool?', 'Habt ihr eine Sauna?', 'Y a-t-il un spa à l’hôtel ?', 'Avete una piscina?', '¿El hotel tiene spa?'],
    answers: {
      de: 'Unser Spa im 6. Stock bietet ein 15-m-Hallenbad mit 29 °C Wassertemperatur, eine finnische Sauna und ein Dampfbad; es ist täglich von 07:00 bis 21:00 Uhr geöffnet und für Hotelgäste kostenlos. Bademantel und Slipper finden Sie im Zimmer. Kinder unter 14 Jahren dürfen das Bad von 09:00 bis 17:00 Uhr in Begleitung eines Erwachsenen nutzen; die Saunen sind ab 16 Jahren. Massagen und Behandlungen (ab CHF 95 für 50 Minuten) buchen Sie an der Rezeption.',
      fr: "Notre spa au 6e étage dispose d'une piscine intérieure de 15 m chauffée à 29 °C, d'un sauna finlandais et d'un hammam ; il est ouvert tous les jours de 7h00 à 21h00 et gratuit pour les clients de l'hôtel. Peignoirs et chaussons sont dans votre chambre. Les enfants de moins de 14 ans peuvent utiliser la piscine de 9h00 à 17h00 accompagnés d'un adulte ; les saunas sont accessibles dès 16 ans. Massages et soins (dès CHF 95 les 50 minutes) se réservent à la réception.",
      it: "La nostra spa al 6° piano ha una piscina coperta di 15 m riscaldata a 29 °C, una sauna finlandese e un bagno turco; è aperta tutti i giorni dalle 07:00 alle 21:00 ed è gratuita per gli ospiti dell'hotel. Accappatoio e ciabattine sono in camera. I bambini sotto i 14 anni possono usare la piscina dalle 09:00 alle 17:00 accompagnati da un adulto; le saune sono dai 16 anni. Massaggi e trattamenti (da CHF 95 per 50 minuti) si prenotano alla reception.",
      es: 'Nuestro spa en la 6.ª planta tiene una piscina cubierta de 15 m climatizada a 29 °C, sauna finlandesa y baño de vapor; abre todos los días de 07:00 a 21:00 y es gratuito para los huéspedes. Encontrará albornoz y zapatillas en la habitación. Los menores de 14 años pueden usar la piscina de 09:00 a 17:00 acompañados de un adulto; las saunas son a partir de 16 años. Los masajes y tratamientos (desde CHF 95 por 50 minutos) se reservan en recepción.',
    },
  },
  {
    id: 'gym',
    question: 'Is there a gym?',
    language: 'en',
    answer:
      'Yes, the fitness room on level -1 is open 24 hours and free for hotel guests; open the door with your room key card. It has Technogym treadmills, bikes, a rowing machine and free weights up to 30 kg; towels and water are provided. A personal trainer can be booked at reception for CHF 80 per hour.',
    tags: 'gym, fitness, fitness room, workout, treadmill, weights, exercise, personal trainer',
    phrasings: [
      'Do you have a fitness center?',
      'Gibt es ein Fitnessstudio?',
      'Avez-vous une salle de sport ?',
      "C'è una palestra in hotel?",
      '¿Hay gimnasio?',
    ],
    answers: {
      de: 'Ja, der Fitnessraum auf Ebene -1 ist rund um die Uhr geöffnet und für Hotelgäste kostenlos; die Tür öffnen Sie mit Ihrer Zimmerkarte. Es gibt Technogym-Laufbänder, Velos, ein Rudergerät und Hanteln bis 30 kg; Handtücher und Wasser stehen bereit. Einen Personal Trainer können Sie an der Rezeption für CHF 80 pro Stunde buchen.',
      fr: "Oui, la salle de fitness au niveau -1 est ouverte 24 heures sur 24 et gratuite pour les clients de l'hôtel ; la porte s'ouvre avec votre carte-clé. Elle dispose de tapis de course et de vélos Technogym, d'un rameur et d'haltères jusqu'à 30 kg ; serviettes et eau sont à disposition. Un coach personnel peut être réservé à la réception pour CHF 80 de l'heure.",
      it: "Sì, la sala fitness al livello -1 è aperta 24 ore su 24 ed è gratuita per gli ospiti dell'hotel; la porta si apre con la chiave elettronica della camera. Ci sono tapis roulant e cyclette Technogym, un vogatore e pesi liberi fino a 30 kg; asciugamani e acqua sono a disposizione. Un personal trainer si può prenotare alla reception a CHF 80 all'ora.",
      es: 'Sí, la sala de fitness en el nivel -1 abre las 24 horas y es gratuita para los huéspedes; la puerta se abre con la tarjeta de su habitación. Tiene cintas de correr y bicicletas Technogym, una máquina de remo y pesas libres de hasta 30 kg; hay toallas y agua a su disposición. Puede reservar un entrenador personal en recepción por CHF 80 la hora.',
    },
  },
  {
    id: 'laundry',
    question: 'Do you have a laundry service?',
    language: 'en',
    answer:
      'Yes. Put your clothes in the laundry bag in the wardrobe and fill in the form; items handed in by 09:00 (Monday to Friday) come back the same day by 18:00, otherwise the next working day. Prices are on the form (e.g. shirt CHF 7, suit dry cleaning CHF 28). There is no self-service washing machine, but an iron and ironing board can be brought to your room free of charge.',
    tags: 'laundry, dry cleaning, washing, clothes, ironing, pressing, iron',
    phrasings: [
      'Can you wash my clothes?',
      'Habt ihr einen Wäscheservice?',
      'Proposez-vous un service de blanchisserie ?',
      'Avete un servizio lavanderia?',
      '¿Tienen servicio de lavandería?',
    ],
    answers: {
      de: 'Ja. Legen Sie Ihre Kleidung in den Wäschesack im Schrank und füllen Sie das Formular aus; was bis 09:00 Uhr (Montag bis Freitag) abgegeben wird, kommt am selben Tag bis 18:00 Uhr zurück, sonst am nächsten Werktag. Die Preise stehen auf dem Formular (z. B. Hemd CHF 7, chemische Reinigung Anzug CHF 28). Eine Waschmaschine zur Selbstbedienung gibt es nicht, aber Bügeleisen und Bügelbrett bringen wir Ihnen kostenlos aufs Zimmer.',
      fr: "Oui. Mettez vos vêtements dans le sac à linge de l'armoire et remplissez le formulaire ; ce qui est remis avant 9h00 (du lundi au vendredi) revient le jour même avant 18h00, sinon le jour ouvrable suivant. Les prix figurent sur le formulaire (p. ex. chemise CHF 7, nettoyage à sec d'un costume CHF 28). Il n'y a pas de machine à laver en libre-service, mais nous pouvons apporter gratuitement un fer et une planche à repasser dans votre chambre.",
      it: "Sì. Metta i capi nel sacchetto della lavanderia nell'armadio e compili il modulo; quanto consegnato entro le 09:00 (dal lunedì al venerdì) torna lo stesso giorno entro le 18:00, altrimenti il giorno lavorativo successivo. I prezzi sono sul modulo (ad es. camicia CHF 7, lavaggio a secco di un abito CHF 28). Non c'è una lavatrice self-service, ma possiamo portarle gratuitamente in camera ferro e asse da stiro.",
      es: 'Sí. Ponga la ropa en la bolsa de lavandería del armario y rellene el formulario; lo que se entrega antes de las 09:00 (de lunes a viernes) se devuelve el mismo día antes de las 18:00, si no, el siguiente día laborable. Los precios figuran en el formulario (p. ej., camisa CHF 7, limpieza en seco de un traje CHF 28). No hay lavadora de autoservicio, pero podemos llevarle gratis a la habitación una plancha y una tabla de planchar.',
    },
  },
  {
    id: 'payment-methods',
    question: 'Which payment methods do you accept?',
    language: 'en',
    answer:
      'We accept Visa, Mastercard, American Express, Maestro and V PAY debit cards, Apple Pay, Google Pay and TWINT, as well as cash in Swiss francs and euros (change is given in CHF). We do not accept cheques or Diners Club.',
    tags: 'payment, pay, credit card, debit card, cash, TWINT, Apple Pay, Visa, Mastercard, Amex, currency, euro',
    phrasings: [
      'Can I pay by credit card?',
      'Kann man mit Karte zahlen?',
      'Acceptez-vous les cartes de crédit ?',
      'Si può pagare con la carta?',
      '¿Aceptan tarjeta de crédito?',
    ],
    answers: {
      de: 'Wir akzeptieren Visa, Mastercard, American Express, Maestro- und V-PAY-Debitkarten, Apple Pay, Google Pay und TWINT sowie Bargeld in Schweizer Franken und Euro (Rückgeld in CHF). Schecks und Diners Club nehmen wir nicht an.',
      fr: "Nous acceptons Visa, Mastercard, American Express, les cartes de débit Maestro et V PAY, Apple Pay, Google Pay et TWINT, ainsi que les espèces en francs suisses et en euros (monnaie rendue en CHF). Nous n'acceptons ni les chèques ni Diners Club.",
      it: 'Accettiamo Visa, Mastercard, American Express, carte di debito Maestro e V PAY, Apple Pay, Google Pay e TWINT, oltre a contanti in franchi svizzeri ed euro (il resto viene dato in CHF). Non accettiamo assegni né Diners Club.',
      es: 'Aceptamos Visa, Mastercard, American Express, tarjetas de débito Maestro y V PAY, Apple Pay, Google Pay y TWINT, así como efectivo en francos suizos y euros (el cambio se da en CHF). No aceptamos cheques ni Diners Club.',
    },
  },
  {
    id: 'cancellation-policy',
    question: 'What is your cancellation policy?',
    language: 'en',
    answer:
      'With the flexible rate you can cancel free of charge until 18:00 (local time) the day before arrival; later cancellations and no-shows are charged the first night. Non-refundable rates cannot be cancelled or changed. Group bookings of 5 rooms or more have their own conditions in the contract.',
    tags: 'cancel, cancellation, refund, no-show, booking, reservation, change dates, free cancellation',
    phrasings: [
      'Can I cancel my booking for free?',
      'Bis wann kann man kostenlos stornieren?',
      "Quelles sont les conditions d'annulation ?",
      'Fino a quando si può cancellare gratis?',
      '¿Hasta cuándo puedo cancelar sin coste?',
    ],
    answers: {
      de: 'Mit dem flexiblen Tarif können Sie bis 18:00 Uhr (Ortszeit) am Vortag der Anreise kostenlos stornieren; spätere Stornierungen und Nichterscheinen werden mit der ersten Nacht berechnet. Nicht erstattbare Tarife können weder storniert noch geändert werden. Für Gruppenbuchungen ab 5 Zimmern gelten die Bedingungen im Vertrag.',
      fr: "Avec le tarif flexible, vous pouvez annuler gratuitement jusqu'à 18h00 (heure locale) la veille de l'arrivée ; les annulations plus tardives et les non-présentations sont facturées la première nuit. Les tarifs non remboursables ne peuvent être ni annulés ni modifiés. Les réservations de groupe à partir de 5 chambres ont leurs propres conditions, fixées dans le contrat.",
      it: "Con la tariffa flessibile può cancellare gratuitamente fino alle 18:00 (ora locale) del giorno prima dell'arrivo; le cancellazioni successive e le mancate presentazioni vengono addebitate con la prima notte. Le tariffe non rimborsabili non si possono cancellare né modificare. Le prenotazioni di gruppo da 5 camere in su hanno condizioni proprie indicate nel contratto.",
      es: 'Con la tarifa flexible puede cancelar gratis hasta las 18:00 (hora local) del día anterior a la llegada; las cancelaciones posteriores y la no presentación se cobran con la primera noche. Las tarifas no reembolsables no se pueden cancelar ni modificar. Las reservas de grupo de 5 habitaciones o más tienen sus propias condiciones en el contrato.',
    },
  },
  {
    id: 'city-tax',
    question: 'Is there a city tax?',
    language: 'en',
    answer:
      'Yes, the city tax is CHF 2.50 per person per night for guests aged 16 and over. It is usually not included in the room rate (your booking confirmation says if it is) and is paid at check-out.',
    tags: 'city tax, tourist tax, taxe de séjour, Kurtaxe, tax, per night, not included',
    phrasings: [
      'Do I have to pay tourist tax?',
      'Wie hoch ist die Kurtaxe?',
      'La taxe de séjour est-elle incluse ?',
      'Quanto costa la tassa di soggiorno?',
      '¿Hay que pagar tasa turística?',
    ],
    answers: {
      de: 'Ja, die Citytaxe beträgt CHF 2.50 pro Person und Nacht für Gäste ab 16 Jahren. Sie ist in der Regel nicht im Zimmerpreis enthalten (Ihre Buchungsbestätigung zeigt, ob sie es ist) und wird beim Check-out bezahlt.',
      fr: "Oui, la taxe de séjour est de CHF 2.50 par personne et par nuit pour les clients de 16 ans et plus. Elle n'est en général pas comprise dans le prix de la chambre (votre confirmation de réservation l'indique si c'est le cas) et se règle au départ.",
      it: 'Sì, la tassa di soggiorno è di CHF 2.50 a persona per notte per gli ospiti dai 16 anni in su. Di solito non è inclusa nel prezzo della camera (la conferma di prenotazione indica se lo è) e si paga al check-out.',
      es: 'Sí, la tasa turística es de CHF 2.50 por persona y noche para huéspedes a partir de 16 años. Normalmente no está incluida en el precio de la habitación (su confirmación de reserva indica si lo está) y se paga en el check-out.',
    },
  },
  {
    id: 'smoking',
    question: 'Can I smoke in the hotel?',
    language: 'en',
    answer:
      'All rooms and indoor areas, including balconies, are non-smoking; this also applies to e-cigarettes. You are welcome to smoke on the courtyard terrace behind the Lobby Bar, where there are ashtrays. Smoking in a room results in a cleaning fee of CHF 250.',
    tags: 'smoking, smoke, cigarette, non-smoking, e-cigarette, vape, terrace',
    phrasings: [
      'Are there smoking rooms?',
      'Darf man im Zimmer rauchen?',
      'Peut-on fumer sur le balcon ?',
      'Dove si può fumare?',
      '¿Se puede fumar en la habitación?',
    ],
    answers: {
      de: 'Alle Zimmer und Innenbereiche, einschliesslich der Balkone, sind Nichtraucherbereiche; das gilt auch für E-Zigaretten. Rauchen können Sie gerne auf der Hofterrasse hinter der Lobby Bar, dort stehen Aschenbecher. Für Rauchen im Zimmer berechnen wir eine Reinigungsgebühr von CHF 250.',
      fr: 'Toutes les chambres et tous les espaces intérieurs, balcons compris, sont non-fumeurs, cigarettes électroniques comprises. Vous pouvez fumer sur la terrasse de la cour derrière le Lobby Bar, où se trouvent des cendriers. Fumer dans une chambre entraîne des frais de nettoyage de CHF 250.',
      it: 'Tutte le camere e gli spazi interni, balconi compresi, sono per non fumatori; vale anche per le sigarette elettroniche. Si può fumare sulla terrazza del cortile dietro il Lobby Bar, dove ci sono i posacenere. Fumare in camera comporta una penale di pulizia di CHF 250.',
      es: 'Todas las habitaciones y zonas interiores, incluidos los balcones, son de no fumadores; también para cigarrillos electrónicos. Puede fumar en la terraza del patio detrás del Lobby Bar, donde hay ceniceros. Fumar en la habitación supone un cargo de limpieza de CHF 250.',
    },
  },
  {
    id: 'accessibility',
    question: 'Is the hotel accessible for wheelchair users?',
    language: 'en',
    answer:
      'Yes. The side entrance on Seefeldstrasse is step-free, and lifts serve all floors including the spa and the garage. We have 4 accessible rooms with wider doors, a roll-in shower, grab bars and an emergency cord; please mention it when booking. There is an accessible toilet in the lobby and a hearing loop at reception; guide and assistance dogs are welcome free of charge.',
    tags: 'wheelchair, accessible, disability, barrier-free, step-free, lift, elevator, roll-in shower, guide dog',
    phrasings: [
      'Do you have wheelchair accessible rooms?',
      'Ist das Hotel barrierefrei?',
      'L’hôtel est-il accessible aux personnes à mobilité réduite ?',
      "L'hotel è accessibile in sedia a rotelle?",
      '¿El hotel está adaptado para sillas de ruedas?',
    ],
    answers: {
      de: 'Ja. Der Seiteneingang an der Seefeldstrasse ist stufenlos, und Lifte fahren in alle Etagen, auch ins Spa und in die Garage. Wir haben 4 barrierefreie Zimmer mit breiteren Türen, bodenebener Dusche, Haltegriffen und Notrufschnur; bitte geben Sie es bei der Buchung an. In der Lobby gibt es eine rollstuhlgängige Toilette und an der Rezeption eine Induktionsschleife; Blinden- und Assistenzhunde sind kostenlos willkommen.',
      fr: "Oui. L'entrée latérale sur la Seefeldstrasse est de plain-pied et les ascenseurs desservent tous les étages, y compris le spa et le parking. Nous avons 4 chambres accessibles avec portes élargies, douche à l'italienne, barres d'appui et cordon d'alarme ; merci de le préciser lors de la réservation. Il y a des toilettes accessibles dans le hall et une boucle magnétique à la réception ; les chiens guides et d'assistance sont les bienvenus gratuitement.",
      it: "Sì. L'ingresso laterale sulla Seefeldstrasse è senza gradini e gli ascensori servono tutti i piani, compresi la spa e il garage. Abbiamo 4 camere accessibili con porte più larghe, doccia a filo pavimento, maniglioni e cordino di emergenza; lo indichi al momento della prenotazione. Nella hall c'è un bagno accessibile e alla reception un anello a induzione; i cani guida e di assistenza sono i benvenuti gratuitamente.",
      es: 'Sí. La entrada lateral por la Seefeldstrasse no tiene escalones y los ascensores llegan a todas las plantas, incluidos el spa y el garaje. Tenemos 4 habitaciones adaptadas con puertas más anchas, ducha a ras de suelo, barras de apoyo y cordón de emergencia; indíquelo al reservar. Hay un aseo adaptado en el vestíbulo y un bucle magnético en recepción; los perros guía y de asistencia son bienvenidos sin coste.',
    },
  },
  {
    id: 'baby-cot-extra-bed',
    question: 'Can I get a baby cot or an extra bed?',
    language: 'en',
    answer:
      'A baby cot with bedding is free of charge for children up to 3 years; high chairs are available in the Brasserie. Extra beds are possible in Junior Suites and Family Rooms only: CHF 60 per night for children up to 12 and CHF 80 for older children and adults, breakfast included. Please request both in advance, as numbers are limited.',
    tags: 'baby cot, crib, cot, extra bed, rollaway, children, infant, high chair, family',
    phrasings: [
      'Do you provide cribs?',
      'Habt ihr ein Babybett?',
      'Peut-on avoir un lit supplémentaire ?',
      'È possibile avere una culla in camera?',
      '¿Se puede pedir una cama supletoria?',
    ],
    answers: {
      de: 'Ein Babybett mit Bettwäsche ist für Kinder bis 3 Jahre kostenlos; Kinderstühle gibt es in der Brasserie. Zustellbetten sind nur in Junior Suiten und Familienzimmern möglich: CHF 60 pro Nacht für Kinder bis 12 Jahre und CHF 80 für ältere Kinder und Erwachsene, inklusive Frühstück. Bitte reservieren Sie beides im Voraus, da die Anzahl begrenzt ist.',
      fr: "Un lit bébé avec literie est gratuit pour les enfants jusqu'à 3 ans ; des chaises hautes sont disponibles à la Brasserie. Les lits supplémentaires sont possibles uniquement dans les Junior Suites et les chambres familiales : CHF 60 par nuit pour les enfants jusqu'à 12 ans et CHF 80 pour les enfants plus âgés et les adultes, petit-déjeuner compris. Merci de les demander à l'avance, le nombre étant limité.",
      it: 'Una culla con biancheria è gratuita per bambini fino a 3 anni; i seggioloni sono disponibili nella Brasserie. I letti aggiunti sono possibili solo nelle Junior Suite e nelle camere familiari: CHF 60 a notte per bambini fino a 12 anni e CHF 80 per ragazzi più grandi e adulti, colazione inclusa. La preghiamo di richiederli in anticipo perché il numero è limitato.',
      es: 'La cuna con ropa de cama es gratuita para niños de hasta 3 años; hay tronas en la Brasserie. Las camas supletorias solo son posibles en Junior Suites y habitaciones familiares: CHF 60 por noche para niños de hasta 12 años y CHF 80 para niños mayores y adultos, desayuno incluido. Solicítelas con antelación, ya que el número es limitado.',
    },
  },
  {
    id: 'pets',
    question: 'Are pets allowed?',
    language: 'en',
    answer:
      'Dogs and cats are welcome for CHF 30 per pet per night, including a bowl and a blanket; at most 2 pets per room. Pets are not allowed in the Brasserie at breakfast or in the spa, and must not be left alone in the room unless in a crate. Guide and assistance dogs stay free.',
    tags: 'pets, dog, cat, animal, pet fee, pet-friendly',
    phrasings: ['Can I bring my dog?', 'Sind Haustiere erlaubt?', 'Les animaux sont-ils acceptés ?', 'Accettate animali?', '¿Admiten mascotas?'],
    answers: {
      de: 'Hunde und Katzen sind für CHF 30 pro Tier und Nacht willkommen, inklusive Napf und Decke; höchstens 2 Tiere pro Zimmer. Beim Frühstück in der Brasserie und im Spa sind Tiere nicht erlaubt, und allein im Zimmer dürfen sie nur in einer Transportbox bleiben. Blinden- und Assistenzhunde sind kostenlos.',
      fr: "Les chiens et les chats sont les bienvenus pour CHF 30 par animal et par nuit, gamelle et couverture comprises ; 2 animaux au maximum par chambre. Les animaux ne sont admis ni à la Brasserie au petit-déjeuner ni au spa, et ne doivent pas rester seuls dans la chambre, sauf dans une cage de transport. Les chiens guides et d'assistance séjournent gratuitement.",
      it: 'Cani e gatti sono i benvenuti a CHF 30 per animale a notte, ciotola e coperta incluse; al massimo 2 animali per camera. Gli animali non sono ammessi nella Brasserie a colazione né nella spa, e non possono restare soli in camera se non in un trasportino. I cani guida e di assistenza non pagano.',
      es: 'Los perros y gatos son bienvenidos por CHF 30 por animal y noche, con comedero y manta incluidos; como máximo 2 animales por habitación. No se admiten en la Brasserie durante el desayuno ni en el spa, y no pueden quedarse solos en la habitación salvo en un transportín. Los perros guía y de asistencia se alojan gratis.',
    },
  },
  {
    id: 'minibar',
    question: 'Is the minibar free?',
    language: 'en',
    answer:
      'The soft drinks in the minibar (water, juice, cola) are free and refilled daily. Beer, wine, spirits and snacks are charged according to the price list in the room. If you need fridge space for medication or baby milk, we can empty the minibar for you.',
    tags: 'minibar, fridge, drinks in the room, soft drinks, snacks, refrigerator',
    phrasings: [
      'Is there a fridge in the room?',
      'Ist die Minibar inklusive?',
      'Le minibar est-il gratuit ?',
      'Il frigobar è compreso?',
      '¿El minibar está incluido?',
    ],
    answers: {
      de: 'Die alkoholfreien Getränke in der Minibar (Wasser, Saft, Cola) sind kostenlos und werden täglich aufgefüllt. Bier, Wein, Spirituosen und Snacks werden gemäss Preisliste im Zimmer berechnet. Brauchen Sie Platz im Kühlschrank für Medikamente oder Babymilch, leeren wir die Minibar gerne für Sie.',
      fr: 'Les boissons sans alcool du minibar (eau, jus, cola) sont gratuites et réapprovisionnées chaque jour. La bière, le vin, les spiritueux et les snacks sont facturés selon la liste de prix dans la chambre. Si vous avez besoin de place au frais pour des médicaments ou du lait pour bébé, nous pouvons vider le minibar.',
      it: 'Le bevande analcoliche del minibar (acqua, succhi, cola) sono gratuite e vengono rifornite ogni giorno. Birra, vino, superalcolici e snack si pagano secondo il listino in camera. Se le serve spazio in frigo per medicinali o latte per il bebè, possiamo svuotare il minibar.',
      es: 'Los refrescos del minibar (agua, zumos, cola) son gratuitos y se reponen a diario. La cerveza, el vino, los licores y los aperitivos se cobran según la lista de precios de la habitación. Si necesita espacio en la nevera para medicamentos o leche de bebé, podemos vaciar el minibar.',
    },
  },
  {
    id: 'safe',
    question: 'Is there a safe in the room?',
    language: 'en',
    answer:
      'Yes, every room has an electronic safe in the wardrobe, big enough for a 15-inch laptop; you set your own 4- to 6-digit code. If you forget the code, reception can open it for you. Larger valuables can be kept in the safe at reception.',
    tags: 'safe, in-room safe, valuables, passport, laptop, code, locker',
    phrasings: [
      'Where can I keep my valuables?',
      'Gibt es einen Safe im Zimmer?',
      'Y a-t-il un coffre-fort dans la chambre ?',
      "C'è una cassaforte in camera?",
      '¿Hay caja fuerte en la habitación?',
    ],
    answers: {
      de: 'Ja, jedes Zimmer hat einen elektronischen Safe im Schrank, gross genug für einen 15-Zoll-Laptop; den 4- bis 6-stelligen Code legen Sie selbst fest. Haben Sie den Code vergessen, öffnet die Rezeption den Safe für Sie. Grössere Wertsachen können im Safe an der Rezeption aufbewahrt werden.',
      fr: "Oui, chaque chambre dispose d'un coffre-fort électronique dans l'armoire, assez grand pour un ordinateur portable de 15 pouces ; vous choisissez votre propre code de 4 à 6 chiffres. Si vous oubliez le code, la réception peut l'ouvrir. Les objets de valeur plus grands peuvent être déposés dans le coffre de la réception.",
      it: "Sì, ogni camera ha una cassaforte elettronica nell'armadio, abbastanza grande per un portatile da 15 pollici; il codice di 4-6 cifre lo sceglie lei. Se dimentica il codice, la reception può aprirla. Gli oggetti di valore più ingombranti si possono custodire nella cassaforte della reception.",
      es: 'Sí, cada habitación tiene una caja fuerte electrónica en el armario, con espacio para un portátil de 15 pulgadas; usted elige su propio código de 4 a 6 dígitos. Si olvida el código, recepción puede abrirla. Los objetos de valor más grandes pueden guardarse en la caja fuerte de recepción.',
    },
  },
  {
    id: 'air-conditioning',
    question: 'Do the rooms have air conditioning?',
    language: 'en',
    answer:
      'Yes, all rooms have individually controlled air conditioning for cooling and heating; the control panel is next to the door (16–28 °C). The system pauses while a window is open. If the room still feels too warm or too cold, call reception and we will bring a fan or an extra blanket.',
    tags: 'air conditioning, AC, cooling, heating, temperature, climate, too hot, too cold, fan',
    phrasings: [
      'Is there AC in the room?',
      'Haben die Zimmer eine Klimaanlage?',
      'Les chambres sont-elles climatisées ?',
      "C'è l'aria condizionata?",
      '¿Las habitaciones tienen aire acondicionado?',
    ],
    answers: {
      de: 'Ja, alle Zimmer haben eine individuell regelbare Klimaanlage zum Kühlen und Heizen; das Bedienfeld ist neben der Tür (16–28 °C). Solange ein Fenster offen ist, pausiert die Anlage. Ist es Ihnen trotzdem zu warm oder zu kalt, rufen Sie die Rezeption an, und wir bringen Ihnen einen Ventilator oder eine zusätzliche Decke.',
      fr: "Oui, toutes les chambres disposent d'une climatisation réglable individuellement, pour rafraîchir et chauffer ; le panneau de commande se trouve près de la porte (16–28 °C). Le système se met en pause lorsqu'une fenêtre est ouverte. S'il fait encore trop chaud ou trop froid, appelez la réception et nous vous apporterons un ventilateur ou une couverture supplémentaire.",
      it: "Sì, tutte le camere hanno l'aria condizionata regolabile singolarmente, per rinfrescare e riscaldare; il pannello di comando è accanto alla porta (16–28 °C). L'impianto si ferma quando una finestra è aperta. Se fa comunque troppo caldo o troppo freddo, chiami la reception e le porteremo un ventilatore o una coperta in più.",
      es: 'Sí, todas las habitaciones tienen aire acondicionado regulable individualmente, para enfriar y calentar; el panel de control está junto a la puerta (16–28 °C). El sistema se detiene mientras haya una ventana abierta. Si aun así tiene demasiado calor o frío, llame a recepción y le llevaremos un ventilador o una manta extra.',
    },
  },
  {
    id: 'towels-housekeeping',
    question: 'How often are the rooms cleaned?',
    language: 'en',
    answer:
      'Housekeeping cleans your room daily between 09:00 and 15:00; hang the "Do not disturb" sign on the door if you prefer not to be disturbed. Towels are changed whenever you leave them on the floor, bed linen every third day or on request. Extra towels, pillows or blankets can be ordered from reception at any time.',
    tags: 'housekeeping, cleaning, towels, bed linen, sheets, do not disturb, extra pillow, turndown',
    phrasings: [
      'Can I get fresh towels?',
      'Wann wird das Zimmer gereinigt?',
      'Le ménage est-il fait tous les jours ?',
      'Ogni quanto vengono cambiati gli asciugamani?',
      '¿Cada cuánto limpian la habitación?',
    ],
    answers: {
      de: 'Das Housekeeping reinigt Ihr Zimmer täglich zwischen 09:00 und 15:00 Uhr; hängen Sie das Schild «Bitte nicht stören» an die Tür, wenn Sie nicht gestört werden möchten. Handtücher wechseln wir, wenn Sie sie auf den Boden legen, die Bettwäsche jeden dritten Tag oder auf Wunsch. Zusätzliche Handtücher, Kissen oder Decken können Sie jederzeit an der Rezeption bestellen.',
      fr: 'Le ménage est fait chaque jour entre 9h00 et 15h00 ; accrochez le panneau « Ne pas déranger » à la porte si vous préférez ne pas être dérangé. Les serviettes sont changées lorsque vous les laissez par terre, les draps tous les trois jours ou sur demande. Vous pouvez demander à tout moment des serviettes, oreillers ou couvertures supplémentaires à la réception.',
      it: 'La camera viene pulita ogni giorno tra le 09:00 e le 15:00; appenda il cartello «Non disturbare» alla porta se preferisce non essere disturbato. Gli asciugamani vengono cambiati quando li lascia sul pavimento, la biancheria del letto ogni tre giorni o su richiesta. Asciugamani, cuscini o coperte in più si possono chiedere alla reception in qualsiasi momento.',
      es: 'El servicio de limpieza arregla su habitación a diario entre las 09:00 y las 15:00; cuelgue el cartel «No molestar» en la puerta si prefiere que no le molesten. Las toallas se cambian cuando las deja en el suelo y la ropa de cama cada tres días o a petición. Puede pedir toallas, almohadas o mantas adicionales en recepción en cualquier momento.',
    },
  },
  {
    id: 'quiet-hours',
    question: 'Are there quiet hours?',
    language: 'en',
    answer:
      'Quiet hours are from 22:00 to 07:00; parties in the rooms are not allowed. If you are disturbed by noise, please call reception (dial 0) at any time and we will take care of it; earplugs are available free of charge at reception.',
    tags: 'quiet hours, noise, noisy, loud, night rest, party, neighbours, earplugs',
    phrasings: [
      'What are the quiet hours?',
      'Ab wann ist Nachtruhe?',
      'À partir de quelle heure faut-il faire silence ?',
      'Quali sono gli orari di silenzio?',
      '¿A partir de qué hora hay que guardar silencio?',
    ],
    answers: {
      de: 'Die Nachtruhe gilt von 22:00 bis 07:00 Uhr; Partys in den Zimmern sind nicht erlaubt. Wenn Sie durch Lärm gestört werden, rufen Sie bitte jederzeit die Rezeption an (Taste 0), wir kümmern uns darum; Ohrstöpsel erhalten Sie kostenlos an der Rezeption.',
      fr: "Le calme est de rigueur de 22h00 à 7h00 ; les fêtes dans les chambres ne sont pas autorisées. Si le bruit vous dérange, appelez la réception (composez le 0) à toute heure et nous nous en occupons ; des bouchons d'oreilles sont disponibles gratuitement à la réception.",
      it: 'Le ore di silenzio sono dalle 22:00 alle 07:00; le feste in camera non sono consentite. Se è disturbato dal rumore, chiami la reception (tasto 0) a qualsiasi ora e ce ne occuperemo; i tappi per le orecchie sono disponibili gratuitamente alla reception.',
      es: 'El horario de silencio es de 22:00 a 07:00; no se permiten fiestas en las habitaciones. Si le molesta el ruido, llame a recepción (marque el 0) a cualquier hora y nos encargaremos; hay tapones para los oídos gratis en recepción.',
    },
  },
  {
    id: 'bike-rental',
    question: 'Can I rent a bike?',
    language: 'en',
    answer:
      'Yes, reception rents city bikes for CHF 20 per day and e-bikes for CHF 45 per day, helmets and locks included; please reserve e-bikes a day ahead. Your own bikes can be stored for free in the locked bike room in the garage.',
    tags: 'bike, bicycle, e-bike, rental, cycling, helmet, bike storage',
    phrasings: ['Do you rent bicycles?', 'Kann man bei euch E-Bikes mieten?', 'Peut-on louer des vélos ?', 'Noleggiate biciclette?', '¿Alquilan bicicletas?'],
    answers: {
      de: 'Ja, an der Rezeption vermieten wir Stadtvelos für CHF 20 pro Tag und E-Bikes für CHF 45 pro Tag, Helm und Schloss inbegriffen; E-Bikes reservieren Sie bitte einen Tag im Voraus. Eigene Velos können Sie kostenlos im abgeschlossenen Veloraum in der Garage abstellen.',
      fr: 'Oui, la réception loue des vélos de ville pour CHF 20 par jour et des vélos électriques pour CHF 45 par jour, casque et cadenas compris ; merci de réserver les vélos électriques la veille. Vos propres vélos peuvent être rangés gratuitement dans le local à vélos fermé du parking.',
      it: 'Sì, alla reception noleggiamo biciclette da città a CHF 20 al giorno ed e-bike a CHF 45 al giorno, casco e lucchetto inclusi; le e-bike vanno prenotate il giorno prima. Le sue biciclette può lasciarle gratuitamente nel deposito bici chiuso a chiave nel garage.',
      es: 'Sí, en recepción alquilamos bicicletas urbanas por CHF 20 al día y bicicletas eléctricas por CHF 45 al día, con casco y candado incluidos; reserve las eléctricas con un día de antelación. Sus propias bicicletas se pueden guardar gratis en el cuarto de bicis cerrado del garaje.',
    },
  },
  {
    id: 'meeting-rooms',
    question: 'Do you have meeting rooms?',
    language: 'en',
    answer:
      'Yes, we have 3 meeting rooms on the 1st floor for 8 to 60 people, all with daylight, projector, screen, flipchart and free Wi-Fi. Day packages start at CHF 85 per person including two coffee breaks and lunch. Please contact our events team at reception for an offer.',
    tags: 'meeting, conference, seminar, event, business, projector, meeting room, day package',
    phrasings: [
      'Can we book a conference room?',
      'Habt ihr Seminarräume?',
      'Avez-vous des salles de réunion ?',
      'Avete sale riunioni?',
      '¿Tienen salas de reuniones?',
    ],
    answers: {
      de: 'Ja, wir haben 3 Seminarräume im 1. Stock für 8 bis 60 Personen, alle mit Tageslicht, Beamer, Leinwand, Flipchart und kostenlosem WLAN. Tagespauschalen gibt es ab CHF 85 pro Person, inklusive zwei Kaffeepausen und Mittagessen. Für eine Offerte wenden Sie sich bitte an unser Eventteam an der Rezeption.',
      fr: 'Oui, nous disposons de 3 salles de réunion au 1er étage pour 8 à 60 personnes, toutes avec lumière du jour, projecteur, écran, paperboard et wifi gratuit. Les forfaits journée commencent à CHF 85 par personne, avec deux pauses café et le déjeuner. Pour une offre, contactez notre équipe événements à la réception.',
      it: "Sì, abbiamo 3 sale riunioni al 1° piano per 8-60 persone, tutte con luce naturale, proiettore, schermo, lavagna a fogli mobili e wifi gratuito. I pacchetti giornalieri partono da CHF 85 a persona, con due coffee break e pranzo. Per un'offerta si rivolga al nostro team eventi alla reception.",
      es: 'Sí, tenemos 3 salas de reuniones en la 1.ª planta para 8 a 60 personas, todas con luz natural, proyector, pantalla, rotafolio y wifi gratuito. Los paquetes de día empiezan en CHF 85 por persona e incluyen dos pausas de café y el almuerzo. Para una oferta, contacte con nuestro equipo de eventos en recepción.',
    },
  },
  {
    id: 'lost-and-found',
    question: 'I left something behind. What do I do?',
    language: 'en',
    answer:
      'Found items are kept for 3 months. Please send reception a description of the item, your room number and the dates of your stay; if we find it, we can post it to you for the postage plus a handling fee of CHF 10, or keep it until you pick it up.',
    tags: 'lost and found, forgot, left behind, lost item, lost property, send back',
    phrasings: [
      'I forgot my charger in the room',
      'Ich habe etwas im Zimmer vergessen',
      "J'ai oublié un objet dans la chambre",
      'Ho dimenticato una cosa in camera',
      'Me dejé algo en la habitación',
    ],
    answers: {
      de: 'Fundsachen bewahren wir 3 Monate auf. Bitte senden Sie der Rezeption eine Beschreibung des Gegenstands, Ihre Zimmernummer und die Daten Ihres Aufenthalts; wenn wir ihn finden, schicken wir ihn Ihnen gegen Porto plus CHF 10 Bearbeitungsgebühr zu oder bewahren ihn auf, bis Sie ihn abholen.',
      fr: "Les objets trouvés sont conservés 3 mois. Merci d'envoyer à la réception une description de l'objet, votre numéro de chambre et les dates de votre séjour ; si nous le retrouvons, nous pouvons vous l'expédier contre les frais de port plus CHF 10 de frais de traitement, ou le garder jusqu'à ce que vous veniez le chercher.",
      it: "Gli oggetti smarriti vengono conservati per 3 mesi. Invii alla reception una descrizione dell'oggetto, il numero della camera e le date del soggiorno; se lo troviamo, possiamo spedirglielo al costo della spedizione più CHF 10 di spese di gestione, oppure tenerlo finché non passa a ritirarlo.",
      es: 'Los objetos encontrados se guardan 3 meses. Envíe a recepción una descripción del objeto, su número de habitación y las fechas de su estancia; si lo encontramos, podemos enviárselo por el coste del envío más CHF 10 de gestión, o guardarlo hasta que pase a recogerlo.',
    },
  },
  {
    id: 'doctor-pharmacy',
    question: 'Where can I find a doctor or a pharmacy?',
    language: 'en',
    answer:
      'Reception can call a doctor for you at any time; the on-call medical service also makes visits to the hotel (from about CHF 250). The nearest pharmacy, the Bahnhof-Apotheke, is 600 m away at the main station and open daily 07:00–23:00. A first-aid kit is available at reception; in an emergency dial 144.',
    tags: 'doctor, pharmacy, chemist, medicine, ill, sick, medical, emergency, first aid',
    phrasings: [
      'Is there a pharmacy nearby?',
      'Ich brauche einen Arzt',
      'Où est la pharmacie la plus proche ?',
      'Mi serve un medico',
      '¿Dónde hay una farmacia?',
    ],
    answers: {
      de: 'Die Rezeption kann jederzeit einen Arzt für Sie rufen; der ärztliche Notfalldienst kommt auch ins Hotel (ab ca. CHF 250). Die nächste Apotheke, die Bahnhof-Apotheke, liegt 600 m entfernt im Hauptbahnhof und ist täglich von 07:00 bis 23:00 Uhr geöffnet. An der Rezeption gibt es eine Erste-Hilfe-Ausrüstung; im Notfall wählen Sie 144.',
      fr: "La réception peut appeler un médecin pour vous à toute heure ; le service médical de garde se déplace aussi à l'hôtel (à partir d'environ CHF 250). La pharmacie la plus proche, la Bahnhof-Apotheke, se trouve à 600 m dans la gare centrale et est ouverte tous les jours de 7h00 à 23h00. Une trousse de premiers secours est disponible à la réception ; en cas d'urgence, composez le 144.",
      it: "La reception può chiamarle un medico a qualsiasi ora; il servizio medico di guardia visita anche in hotel (da circa CHF 250). La farmacia più vicina, la Bahnhof-Apotheke, è a 600 m nella stazione centrale ed è aperta tutti i giorni dalle 07:00 alle 23:00. Alla reception c'è una cassetta di pronto soccorso; in caso di emergenza chiami il 144.",
      es: 'Recepción puede llamarle a un médico a cualquier hora; el servicio médico de guardia también hace visitas al hotel (desde unos CHF 250). La farmacia más cercana, la Bahnhof-Apotheke, está a 600 m en la estación central y abre todos los días de 07:00 a 23:00. En recepción hay un botiquín de primeros auxilios; en caso de emergencia, marque el 144.',
    },
  },
  {
    id: 'in-room-amenities',
    question: 'What is in the room?',
    language: 'en',
    answer:
      'Every room has a hairdryer, a Nespresso machine and a kettle with tea, bathrobes and slippers, organic toiletries, a flat-screen TV with international channels and a desk with USB sockets. Swiss sockets are type J: plug adapters (EU, UK, US) can be borrowed free of charge at reception; toothbrush and shaving kits are also available there.',
    tags: 'hairdryer, kettle, coffee machine, Nespresso, tea, bathrobe, slippers, toiletries, adapter, plug, iron',
    phrasings: [
      'Is there a hairdryer in the room?',
      'Gibt es eine Kaffeemaschine im Zimmer?',
      'Avez-vous des adaptateurs de prise ?',
      "C'è il bollitore in camera?",
      '¿Hay secador de pelo en la habitación?',
    ],
    answers: {
      de: 'Jedes Zimmer hat einen Föhn, eine Nespresso-Maschine und einen Wasserkocher mit Tee, Bademäntel und Slipper, Bio-Pflegeprodukte, einen Flachbildfernseher mit internationalen Sendern und einen Schreibtisch mit USB-Steckdosen. Schweizer Steckdosen sind Typ J: Adapter (EU, UK, US) leihen Sie kostenlos an der Rezeption; dort gibt es auch Zahnbürsten- und Rasier-Sets.',
      fr: "Chaque chambre est équipée d'un sèche-cheveux, d'une machine Nespresso et d'une bouilloire avec thé, de peignoirs et chaussons, de produits de toilette bio, d'une télévision à écran plat avec chaînes internationales et d'un bureau avec prises USB. Les prises suisses sont de type J : des adaptateurs (UE, UK, US) sont prêtés gratuitement à la réception, où vous trouverez aussi des kits brosse à dents et rasage.",
      it: 'Ogni camera ha asciugacapelli, macchina Nespresso e bollitore con tè, accappatoi e ciabattine, prodotti da bagno biologici, TV a schermo piatto con canali internazionali e scrivania con prese USB. Le prese svizzere sono di tipo J: gli adattatori (UE, UK, US) si prendono in prestito gratuitamente alla reception, dove sono disponibili anche kit spazzolino e rasatura.',
      es: 'Todas las habitaciones tienen secador de pelo, cafetera Nespresso y hervidor con té, albornoces y zapatillas, productos de baño ecológicos, televisor de pantalla plana con canales internacionales y escritorio con enchufes USB. Los enchufes suizos son de tipo J: puede pedir prestados adaptadores (UE, UK, US) gratis en recepción, donde también hay kits de cepillo de dientes y afeitado.',
    },
  },
]
